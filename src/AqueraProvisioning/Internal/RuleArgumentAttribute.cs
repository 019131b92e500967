using System;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>A rule given as an <see cref="AqueraProvisioningRule"/>, its name or its id.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RuleArgumentAttribute : ReferenceArgumentAttribute
{
    protected override object Reference(string text, bool isId) => isId ? new AqueraProvisioningRule { Id = text } : new AqueraProvisioningRule { Name = text };
}
