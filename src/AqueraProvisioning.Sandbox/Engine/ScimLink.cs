using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>The engine's memory that a PingOne user has an account in a store's SCIM service.</summary>
/// <param name="ScimId">The account's id in the SCIM service (any string; not necessarily a GUID).</param>
/// <param name="UserName">The account's userName when last written.</param>
/// <param name="RuleId">The rule that last provisioned it.</param>
/// <param name="Deprovisioned">True once the account was disabled by the remove action.</param>
internal sealed record ScimLink(string ScimId, string UserName, Guid RuleId, bool Deprovisioned = false);
