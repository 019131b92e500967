namespace AqueraProvisioning.Sandbox;

/// <summary>Start-up options of a <see cref="SandboxServer"/>. Reset returns the knobs to these values.</summary>
public sealed class SandboxOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 lets the operating system pick a free port.</summary>
    public int Port { get; set; }

    /// <summary>Lifetime of issued access tokens, in seconds; 0 issues tokens that are already expired.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    /// <summary><c>echo</c> returns stored secrets in API responses; <c>omit</c> leaves them out.</summary>
    public string Secrets { get; set; } = "echo";

    /// <summary>True turns ASP.NET Core logging off; false logs warnings and errors to stderr.</summary>
    public bool Quiet { get; set; } = true;

    /// <summary>Delay, in milliseconds, before every /v1 and token request is answered.</summary>
    public int LatencyMs { get; set; }
}
