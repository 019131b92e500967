namespace AqueraProvisioning.Sandbox;

/// <summary>One attribute a store's metadata lists.</summary>
/// <param name="Name">The path mappings use, for example <c>name.givenName</c> or <c>name.given</c>.</param>
/// <param name="DisplayName">What the console shows.</param>
/// <param name="Type"><c>string</c> or <c>boolean</c>.</param>
/// <param name="Required">Whether the store needs a value.</param>
/// <param name="MultiValued">Whether the attribute takes several values.</param>
internal sealed record MetadataAttribute(string Name, string DisplayName, string Type = "string", bool Required = false, bool MultiValued = false);
