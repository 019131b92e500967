using System;
using System.Management.Automation;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Lets a parameter typed as one of the module's objects (a connection, a rule) take that object's name or id as
/// text: the text becomes a reference with only the name, or only the id, set, which the cmdlet resolves against the
/// environment. Objects of the type bind as they are. Nothing is looked up here: binding never calls the network.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal abstract class ReferenceArgumentAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        string trimmed = text.Trim();
        return Reference(trimmed, Guid.TryParseExact(trimmed, "D", out _));
    }

    /// <summary>The reference for a name, or for an id when <paramref name="isId"/>.</summary>
    protected abstract object Reference(string text, bool isId);
}
