using System;

namespace AqueraProvisioning.Sandbox;

/// <summary>What answers SCIM requests (knob <c>scimAnswer</c>): the fake Aquera service, or what stands in its way.</summary>
public enum ScimAnswerMode
{
    /// <summary>The fake Aquera SCIM service.</summary>
    Normal,

    /// <summary>A sign-in page of an intercepting proxy: 200 text/html for every SCIM request.</summary>
    Html,

    /// <summary>Another web API: 200 application/json that is not SCIM.</summary>
    NonScim,

    /// <summary>A 302 to a sign-in page on another host.</summary>
    Redirect,
}

/// <summary>The control API's words for <see cref="ScimAnswerMode"/>.</summary>
internal static class ScimAnswerModes
{
    // In the order of the enum's values.
    public static readonly string[] Words = ["normal", "html", "nonScim", "redirect"];

    public static string Of(ScimAnswerMode mode) => Words[(int)mode];

    public static bool TryParse(string? text, out ScimAnswerMode mode)
    {
        int index = Array.FindIndex(Words, word => string.Equals(word, text, StringComparison.OrdinalIgnoreCase));
        mode = index < 0 ? ScimAnswerMode.Normal : (ScimAnswerMode)index;
        return index >= 0;
    }
}
