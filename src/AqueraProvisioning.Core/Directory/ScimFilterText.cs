namespace AqueraProvisioning.Core;

/// <summary>Values inside SCIM filters (RFC 7644 §3.4.2.2): a JSON string, so quotes and backslashes are escaped.</summary>
internal static class ScimFilterText
{
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary><c>attribute eq "value"</c>.</summary>
    public static string Equal(string attribute, string value) => attribute + " eq " + Quote(value);
}
