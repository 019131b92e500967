using System;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>A connection given as an <see cref="AqueraConnection"/>, its name or its id.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ConnectionArgumentAttribute : ReferenceArgumentAttribute
{
    protected override object Reference(string text, bool isId) => isId ? new AqueraConnection { Id = text } : new AqueraConnection { Name = text };
}
