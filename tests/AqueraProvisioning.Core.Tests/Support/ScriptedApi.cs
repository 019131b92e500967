using System;
using System.Net.Http;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>Core's real API layer for one environment in the EU region, answered by a <see cref="ScriptedHandler"/>.</summary>
internal static class ScriptedApi
{
    public const string EnvironmentId = "5e1d8a6c-2f0b-4f4e-9a53-0d6f5e0b7c11";

    public static PingOneApi Create(HttpMessageHandler handler, int pageSize = 25, RetryOptions? retry = null) =>
        new(new HttpPipeline(new HttpClient(handler), retry ?? new RetryOptions()), new CountingTokens(), new Uri("https://api.pingone.eu/v1/"), EnvironmentId, pageSize);
}
