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
