using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AqueraProvisioning.Core;

/// <summary>
/// Fills in the default secret reference of every connection that has none. Two connections whose names give the
/// same variable (<c>Work Day</c> and <c>Work-Day</c>) must not share a secret by accident, so the later one in
/// document order gets <c>_2</c>, the next <c>_3</c>, and so on; references written explicitly are never reused.
/// </summary>
internal static class DefaultSecretReferences
{
    public static void Assign(IList<AqueraConfigurationConnection> connections)
    {
        var taken = new HashSet<string>(connections.Where(c => c.Secret != null).Select(c => c.Secret!.ToString()), StringComparer.OrdinalIgnoreCase);
        foreach (AqueraConfigurationConnection connection in connections.Where(c => c.Secret is null))
        {
            ConfigurationSecretReference candidate = ConfigurationSecretReference.DefaultFor(connection.Name);
            string baseName = candidate.Name;
            for (int n = 2; taken.Contains(candidate.ToString()); n++)
            {
                candidate = ConfigurationSecretReference.EnvironmentVariable(baseName + "_" + n.ToString(CultureInfo.InvariantCulture));
            }

            taken.Add(candidate.ToString());
            connection.Secret = candidate;
        }
    }
}
