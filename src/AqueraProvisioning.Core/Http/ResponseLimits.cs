using System;
using System.Globalization;
using System.IO;

namespace AqueraProvisioning.Core;

/// <summary>
/// How much of a response the module reads. No PingOne answer comes near it (a page of 1,000 stores is a few
/// hundred KB); a body beyond it is a proxy's, a gateway's or a fault's, and reading it all would only cost memory.
/// </summary>
internal static class ResponseLimits
{
    /// <summary>The largest body read from any PingOne response, errors included: 10 MB.</summary>
    public const int MaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>"10 MB", for messages.</summary>
    public static string Describe() => (MaxBodyBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB";
}

/// <summary>A body larger than <see cref="ResponseLimits.MaxBodyBytes"/>, refused by its Content-Length or stopped once it passed the limit.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(long? declaredLength)
        : base(declaredLength is long length
            ? string.Format(CultureInfo.InvariantCulture, "its body is {0} bytes (Content-Length), more than the {1} the module reads", length, ResponseLimits.Describe())
            : "its body went on past the " + ResponseLimits.Describe() + " the module reads")
    {
    }
}
