using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AqueraProvisioning.Sandbox;
using Xunit;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>Resets the class's sandbox before every test and offers the white-box views tests assert on.</summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    protected SandboxTestBase(SandboxFixture sandbox)
    {
        Sandbox = sandbox;
    }

    protected SandboxFixture Sandbox { get; }

    protected SandboxInfo Info => Sandbox.Info;

    protected SandboxState State => Sandbox.State;

    protected SandboxControl Control => Sandbox.Control;

    public virtual Task InitializeAsync() => Control.ResetAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The /v1 and token requests the sandbox saw, oldest first.</summary>
    protected IReadOnlyList<RequestLogEntry> Requests() => State.Requests.Snapshot();

    /// <summary>The requests that were not for a token.</summary>
    protected IReadOnlyList<RequestLogEntry> ApiRequests() => Requests().Where(r => r.Path.StartsWith("/v1/", System.StringComparison.Ordinal)).ToList();

    /// <summary>How many stores carry exactly this name.</summary>
    protected int StoresNamed(string name) => State.Stores.Snapshot().Count(s => s.Content.Name == name);
}
