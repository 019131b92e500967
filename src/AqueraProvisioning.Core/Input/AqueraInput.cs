using System;
using System.Globalization;

namespace AqueraProvisioning.Core;

/// <summary>Checks on names, descriptions and ids, applied before any request is sent.</summary>
public static class AqueraInput
{
    /// <summary>The longest connection name PingOne accepts.</summary>
    public const int MaxNameLength = 256;

    /// <summary>The longest description this module sends.</summary>
    public const int MaxDescriptionLength = 1024;

    /// <summary>Returns the trimmed name, or throws when it is empty, whitespace or too long.</summary>
    /// <param name="name">The name.</param>
    /// <param name="what">What it names, for the message: "connection name", "rule name".</param>
    public static string RequireName(string? name, string what = "connection name")
    {
        string value = (name ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new AqueraValidationException(ErrorIds.InvalidName, "The " + what + " is empty.", "Name", AqueraInputProblem.Empty);
        }

        if (value.Length > MaxNameLength)
        {
            throw new AqueraValidationException(
                ErrorIds.InvalidName,
                string.Format(CultureInfo.InvariantCulture, "The {0} is {1} characters long; PingOne accepts at most {2}.", what, value.Length, MaxNameLength),
                "Name",
                AqueraInputProblem.TooLong);
        }

        return value;
    }

    /// <summary>Returns the description, or throws when it is too long.</summary>
    /// <param name="description">The description, or null.</param>
    public static string? CheckDescription(string? description)
    {
        if (description != null && description.Length > MaxDescriptionLength)
        {
            throw new AqueraValidationException(
                ErrorIds.InvalidDescription,
                string.Format(CultureInfo.InvariantCulture, "The description is {0} characters long; at most {1} are accepted.", description.Length, MaxDescriptionLength),
                "Description",
                AqueraInputProblem.TooLong);
        }

        return description;
    }

    /// <summary>Returns the id in canonical form, or throws when it is not a UUID.</summary>
    /// <param name="id">A PingOne id (environment, client or connection).</param>
    /// <param name="parameterName">The parameter named in the error.</param>
    public static string RequireId(string? id, string parameterName)
    {
        string value = (id ?? string.Empty).Trim();
        if (!Guid.TryParseExact(value, "D", out Guid parsed))
        {
            throw new AqueraValidationException(
                ErrorIds.InvalidId,
                string.Format(CultureInfo.InvariantCulture, "{0} '{1}' is not a PingOne id. Ids are UUIDs such as 5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11.", parameterName, Shorten(value)),
                parameterName,
                AqueraInputProblem.Malformed);
        }

        return parsed.ToString("D");
    }

    /// <summary>Text the user gave, cut to 60 characters for a message.</summary>
    internal static string Shorten(string value) => value.Length <= 60 ? value : value.Substring(0, 60) + "...";
}
