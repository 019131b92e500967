using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// One table (hashtable or JSON object) of the neutral tree, read key by key. Keys match case-insensitively, as in
/// a PowerShell hashtable; a null value counts as absent. Every type or value problem is recorded, and reading goes
/// on, so one pass finds them all.
/// </summary>
internal sealed class ConfigurationTable
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConfigurationProblems _problems;

    private ConfigurationTable(ConfigurationProblems problems, string item)
    {
        _problems = problems;
        Item = item;
    }

    /// <summary>How problems name this table; refined once its name is read.</summary>
    public string Item { get; set; }

    public static ConfigurationTable? Open(object? value, ConfigurationProblems problems, string item)
    {
        if (value is not IDictionary dictionary)
        {
            problems.Add(ConfigurationProblemKind.WrongType, item, null, "must be a table (@{ ... } in a .psd1 file, { ... } in a .json file), not " + Describe(value) + ".");
            return null;
        }

        var table = new ConfigurationTable(problems, item);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                problems.Add(ConfigurationProblemKind.WrongType, item, Convert.ToString(entry.Key, CultureInfo.InvariantCulture), "Keys are names, not " + Describe(entry.Key) + ".");
            }
            else if (table._values.ContainsKey(key))
            {
                problems.Add(ConfigurationProblemKind.DuplicateKey, item, key, "appears more than once (keys are not case-sensitive).");
            }
            else
            {
                table._values.Add(key, entry.Value);
            }
        }

        return table;
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "a string",
        bool => "a boolean",
        IDictionary => "a table",
        IEnumerable => "a list",
        _ when IsNumber(value) => "a number",
        _ => "a " + value.GetType().Name,
    };

    public bool Has(string key) => _values.TryGetValue(key, out object? value) && value != null;

    public void RejectUnknownKeys(IReadOnlyCollection<string> known, string what)
    {
        foreach (string key in _values.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            Add(ConfigurationProblemKind.UnknownKey, key, "is not a key of " + what + ". The keys are " + string.Join(", ", known) + ".");
        }
    }

    public string? Text(string key, bool required)
    {
        object? value = Value(key, required, "a string");
        if (value is null or string)
        {
            return (string?)value;
        }

        WrongType(key, "a string", value);
        return null;
    }

    public bool Flag(string key)
    {
        object? value = Value(key, required: false, "$true or $false");
        if (value is null or bool)
        {
            return value is true;
        }

        WrongType(key, "a boolean ($true or $false in a .psd1 file, true or false in a .json file)", value);
        return false;
    }

    public int? Integer(string key, bool required)
    {
        object? value = Value(key, required, "a whole number");
        if (value is null)
        {
            return null;
        }

        if (IsNumber(value))
        {
            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (number == Math.Floor(number) && number >= int.MinValue && number <= int.MaxValue)
            {
                return (int)number;
            }
        }

        WrongType(key, "a whole number", value);
        return null;
    }

    public T? Choice<T>(string key, bool required)
        where T : struct, Enum
    {
        string[] names = Enum.GetNames(typeof(T));
        string? text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        string? name = names.FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            Add(ConfigurationProblemKind.InvalidValue, key, "'" + AqueraInput.Shorten(text) + "' is not one of " + string.Join(", ", names) + ".");
            return null;
        }

        return (T)Enum.Parse(typeof(T), name);
    }

    /// <summary>A list; one value written without @( ) counts as a list of one, as PowerShell would unroll it.</summary>
    public IReadOnlyList<object?> Items(string key)
    {
        object? value = Value(key, required: false, "a list");
        return value switch
        {
            null => Array.Empty<object?>(),
            string or IDictionary => new[] { value },
            IEnumerable list => list.Cast<object?>().ToList(),
            _ => new[] { value },
        };
    }

    /// <summary>A list of names (trimmed); entries that are not non-empty strings are problems.</summary>
    public IReadOnlyList<string> Names(string key)
    {
        var names = new List<string>();
        IReadOnlyList<object?> items = Items(key);
        for (int i = 0; i < items.Count; i++)
        {
            string entry = string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", key, i);
            if (items[i] is not string name)
            {
                WrongType(entry, "a string", items[i]);
            }
            else if (name.Trim().Length == 0)
            {
                Add(ConfigurationProblemKind.InvalidValue, entry, "is empty.");
            }
            else if (name.Trim().Length > AqueraInput.MaxNameLength)
            {
                Add(ConfigurationProblemKind.InvalidValue, entry, TooLong(name.Trim().Length, AqueraInput.MaxNameLength));
            }
            else
            {
                names.Add(name.Trim());
            }
        }

        return names;
    }

    public void Add(ConfigurationProblemKind kind, string key, string message) => _problems.Add(kind, Item, key, message);

    public static string TooLong(int length, int limit) =>
        string.Format(CultureInfo.InvariantCulture, "is {0} characters long; at most {1} are accepted.", length, limit);

    private static bool IsNumber(object value) =>
        value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private object? Value(string key, bool required, string expected)
    {
        _values.TryGetValue(key, out object? value);
        if (value is null && required)
        {
            Add(ConfigurationProblemKind.MissingKey, key, "is required (" + expected + ").");
        }

        return value;
    }

    private void WrongType(string key, string expected, object? value) =>
        Add(ConfigurationProblemKind.WrongType, key, "must be " + expected + ", not " + Describe(value) + ".");
}
