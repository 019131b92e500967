using System;
using System.Management.Automation;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Accepts an enum value also as PingOne writes it ("Common Name", "OAuth Bearer Token"), ignoring spaces and case,
/// so values copied from the API or a CSV bind without translation.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class EnumTextAttribute : ArgumentTransformationAttribute
{
    private readonly Type _enumType;

    public EnumTextAttribute(Type enumType)
    {
        _enumType = enumType;
    }

    public Type EnumType => _enumType;

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        // An empty CSV cell means "not given": the parameter is nullable and the cmdlet applies its default.
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string compact = text.Replace(" ", string.Empty).Replace("_", string.Empty).Trim();
        foreach (string name in Enum.GetNames(_enumType))
        {
            if (string.Equals(name, compact, StringComparison.OrdinalIgnoreCase))
            {
                return Enum.Parse(_enumType, name);
            }
        }

        throw new ArgumentTransformationMetadataException(
            "'" + text + "' is not a valid value. Use one of: " + string.Join(", ", Enum.GetNames(_enumType)) + ".");
    }
}
