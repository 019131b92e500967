using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>How problems name an item: <c>Connections[2] 'Workday'</c>, <c>Rules[0] 'Sales' Mappings[3] 'userName'</c>.</summary>
internal static class ConfigurationLocation
{
    public static string Connection(int index, string? name) => Item(ConfigurationKeys.Connections, index, name);

    public static string Rule(int index, string? name) => Item(ConfigurationKeys.Rules, index, name);

    public static string Mapping(string rule, int index, string? target) => rule + " " + Item(ConfigurationKeys.Mappings, index, target);

    public static string Item(string list, int index, string? name)
    {
        string item = string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", list, index);
        return string.IsNullOrEmpty(name) ? item : item + " '" + name + "'";
    }
}
