using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core;

/// <summary>The outcome of the console's "Test Connection": PingOne trying the Aquera SCIM URL with the credentials.</summary>
public sealed class AqueraConnectionTestResult
{
    /// <summary>The tested connection's id; null for a proposed connection that was never saved.</summary>
    public string? ConnectionId { get; set; }

    /// <summary>The connection name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>True when PingOne reached Aquera with the credentials.</summary>
    public bool Success { get; set; }

    /// <summary>PingOne's message, or the reason the test failed.</summary>
    public string? Message { get; set; }

    /// <summary>Field-level details PingOne gave, as "target: message".</summary>
    public IReadOnlyList<string> Details { get; set; } = Array.Empty<string>();

    /// <summary>How long the test took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The direct probe of the SCIM endpoint from this machine, run after a failed test when asked for; otherwise null.</summary>
    public ScimProbeResult? Diagnosis { get; set; }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => (Success ? "Succeeded" : "Failed") + ": " + Name + (string.IsNullOrEmpty(Message) ? string.Empty : " - " + Message);
}
