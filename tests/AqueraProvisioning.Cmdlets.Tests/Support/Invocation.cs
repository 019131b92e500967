using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace AqueraProvisioning.Cmdlets.Tests.Support;

/// <summary>What one PowerShell invocation produced: output, every stream, and the terminating error if any.</summary>
internal sealed class Invocation
{
    private Invocation(PowerShell ps, Collection<PSObject> output, Exception? terminating)
    {
        Output = output;
        Terminating = terminating;
        var errors = ps.Streams.Error.ToList();
        if (terminating is IContainsErrorRecord container && !errors.Contains(container.ErrorRecord))
        {
            errors.Add(container.ErrorRecord);
        }

        Errors = errors;
        Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList();
        Debug = ps.Streams.Debug.Select(d => d.Message).ToList();
        Warning = ps.Streams.Warning.Select(w => w.Message).ToList();
        Information = ps.Streams.Information.Select(i => i.ToString()).ToList();
    }

    public Collection<PSObject> Output { get; }

    public Exception? Terminating { get; }

    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<string> Debug { get; }

    public IReadOnlyList<string> Warning { get; }

    public IReadOnlyList<string> Information { get; }

    /// <summary>The one error the invocation produced.</summary>
    public ErrorRecord SingleError => Assert.Single(Errors);

    public static Invocation Run(PowerShell ps)
    {
        try
        {
            return new Invocation(ps, ps.Invoke(), null);
        }
        catch (RuntimeException ex)
        {
            return new Invocation(ps, new Collection<PSObject>(), ex);
        }
    }

    public Invocation AssertSucceeded()
    {
        Assert.True(Errors.Count == 0, "expected no error, got: " + string.Join(" | ", Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
        return this;
    }

    /// <summary>Every text a user or a log could see: streams, output, and each error in all its forms.</summary>
    public IEnumerable<string> AllText()
    {
        foreach (string line in Verbose.Concat(Debug).Concat(Warning).Concat(Information))
        {
            yield return line;
        }

        foreach (PSObject item in Output)
        {
            yield return item.ToString();
            foreach (PSPropertyInfo property in item.Properties)
            {
                yield return property.Name + "=" + SafeValue(property);
            }
        }

        var exceptions = new List<Exception>();
        if (Terminating != null)
        {
            exceptions.Add(Terminating);
        }

        foreach (ErrorRecord error in Errors)
        {
            yield return error.ToString();
            yield return error.FullyQualifiedErrorId;
            yield return error.CategoryInfo.ToString();
            yield return error.TargetObject?.ToString() ?? string.Empty;
            yield return error.ErrorDetails?.Message ?? string.Empty;
            yield return error.ErrorDetails?.RecommendedAction ?? string.Empty;
            exceptions.Add(error.Exception);
        }

        foreach (Exception exception in exceptions)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                yield return e.Message;
                yield return e.ToString();
            }
        }
    }

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value?.ToString() ?? string.Empty;
        }
        catch (GetValueException ex)
        {
            return ex.Message;
        }
    }
}
