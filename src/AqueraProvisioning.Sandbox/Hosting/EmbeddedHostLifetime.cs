using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Replaces the console lifetime: a sandbox hosted inside a test run must not grab the test process's Ctrl+C or
/// SIGTERM. The exe handles signals itself in <see cref="Program"/>.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
