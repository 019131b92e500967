using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The names in use, read once per invocation and kept up to date as it creates, so a pipeline of a hundred
/// creates lists the environment once instead of a hundred times. Names compare case-insensitively.
/// </summary>
public sealed class ConnectionNameIndex
{
    private readonly AqueraConnections _connections;
    private HashSet<string>? _names;

    internal ConnectionNameIndex(AqueraConnections connections)
    {
        _connections = connections;
    }

    /// <summary>True when a connection already has this name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<bool> ContainsAsync(string name, OperationContext context, CancellationToken cancellationToken)
    {
        if (_names is null)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (AqueraConnection connection in await _connections.ListAllAsync(context, cancellationToken).ConfigureAwait(false))
            {
                names.Add(connection.Name);
            }

            _names = names;
        }

        return _names.Contains(name);
    }

    /// <summary>Records a name this invocation has just used.</summary>
    /// <param name="name">The name.</param>
    public void Add(string name) => _names?.Add(name);

    /// <summary>Forgets a name this invocation has just freed.</summary>
    /// <param name="name">The name.</param>
    public void Remove(string name) => _names?.Remove(name);
}
