using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>Reads the access token a session holds, so tests can prove it never reaches a log or an error.</summary>
internal static class SessionSecrets
{
    public static Task<string> CurrentAccessTokenAsync(PingOneSession session)
    {
        var provider = (WorkerTokenProvider)typeof(PingOneSession)
            .GetField("_tokens", BindingFlags.Instance | BindingFlags.NonPublic)!
            .GetValue(session)!;
        return provider.GetTokenAsync(OperationContext.Silent(), CancellationToken.None);
    }
}
