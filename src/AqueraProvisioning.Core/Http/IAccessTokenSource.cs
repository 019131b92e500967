using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>Supplies the bearer token for API calls and forgets one that the API refused.</summary>
internal interface IAccessTokenSource
{
    Task<string> GetTokenAsync(OperationContext context, CancellationToken cancellationToken);

    void Invalidate(string token);
}
