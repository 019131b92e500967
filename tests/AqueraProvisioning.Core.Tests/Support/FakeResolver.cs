using System;
using System.Collections.Generic;

namespace AqueraProvisioning.Core.Tests.Support;

/// <summary>A secret resolver that knows the secrets it is given, and records each reference it is asked for.</summary>
internal sealed class FakeResolver : Dictionary<string, SecretLookup>, IConfigurationSecretResolver
{
    public List<string> Looked { get; } = new();

    public HashSet<string> Supplied { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsSupplied(ConfigurationSecretReference reference) => Supplied.Contains(reference.Name);

    public SecretLookup Find(ConfigurationSecretReference reference)
    {
        Looked.Add(reference.Name);
        return TryGetValue(reference.Name, out SecretLookup? lookup) ? lookup : SecretLookup.NotFound("nothing under " + reference.Name);
    }
}
