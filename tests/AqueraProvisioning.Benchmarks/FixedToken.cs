using System.Threading;
using System.Threading.Tasks;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Benchmarks;

/// <summary>A token source that always has a valid token, as a session does between renewals.</summary>
internal sealed class FixedToken : IAccessTokenSource
{
    private readonly Task<string> _token = Task.FromResult("eyJhbGciOiJSUzI1NiJ9.benchmark-token.signature");

    public Task<string> GetTokenAsync(OperationContext context, CancellationToken cancellationToken) => _token;

    public void Invalidate(string token)
    {
    }
}
