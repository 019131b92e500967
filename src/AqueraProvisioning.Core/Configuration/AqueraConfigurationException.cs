using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AqueraProvisioning.Core;

/// <summary>
/// A configuration that cannot be used as it is: a file that cannot be read, a document with problems, secrets that
/// do not resolve. Raised before anything is sent; <see cref="Problems"/> lists every problem found, not only the
/// first.
/// </summary>
public sealed class AqueraConfigurationException : AqueraException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorId">One of <see cref="ErrorIds"/>.</param>
    /// <param name="message">What is wrong; never a secret.</param>
    /// <param name="file">The file, if there is one.</param>
    /// <param name="problems">Each problem found.</param>
    /// <param name="innerException">The failure behind it, if any.</param>
    public AqueraConfigurationException(string errorId, string message, string? file, IEnumerable<ConfigurationProblem>? problems = null, Exception? innerException = null)
        : base(Redactor.RedactText(message), innerException)
    {
        ErrorId = errorId;
        File = file;
        Problems = (problems ?? Enumerable.Empty<ConfigurationProblem>()).ToList().AsReadOnly();
    }

    /// <inheritdoc />
    public override string ErrorId { get; }

    /// <summary>The file, if there is one.</summary>
    public string? File { get; }

    /// <summary>Each problem found, in document order.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The document problems of a file, as one exception whose message lists them all.</summary>
    /// <param name="file">The file, or null.</param>
    /// <param name="problems">The problems (at least one).</param>
    public static AqueraConfigurationException Invalid(string? file, IReadOnlyList<ConfigurationProblem> problems) =>
        List(ErrorIds.InvalidConfigurationFile, "The " + Subject(file) + " has " + Count(problems.Count, "problem") + ":", file, problems);

    /// <summary>Secret references that do not resolve, as one exception that lists them all.</summary>
    /// <param name="file">The file, or null.</param>
    /// <param name="problems">One problem for each reference.</param>
    public static AqueraConfigurationException Unresolved(string? file, IReadOnlyList<ConfigurationProblem> problems) =>
        List(ErrorIds.UnresolvedSecret, Count(problems.Count, "secret") + " that the " + Subject(file) + " names could not be resolved, so nothing was changed:", file, problems);

    private static AqueraConfigurationException List(string errorId, string heading, string? file, IReadOnlyList<ConfigurationProblem> problems)
    {
        var message = new StringBuilder(heading);
        foreach (ConfigurationProblem problem in problems)
        {
            string location = problem.Location;
            message.Append('\n').Append("  ").Append(location.Length == 0 ? problem.Message : location + ": " + problem.Message);
        }

        return new AqueraConfigurationException(errorId, message.ToString(), file, problems);
    }

    private static string Subject(string? file) => file is null ? "configuration" : "configuration file '" + file + "'";

    private static string Count(int count, string noun) =>
        string.Format(CultureInfo.InvariantCulture, "{0} {1}{2}", count, noun, count == 1 ? string.Empty : "s");
}
