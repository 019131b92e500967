using System;
using System.Management.Automation;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Lets a switch or bool take text such as "true", "False", "yes", "0" — what <c>Import-Csv</c> produces — so a CSV
/// of connections can be piped straight into New-AqueraConnection. PowerShell refuses strings for bool parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class TextToBooleanAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE":
            case "YES":
            case "Y":
            case "1":
            case "ON":
                return true;
            case "FALSE":
            case "NO":
            case "N":
            case "0":
            case "OFF":
            case "":
                return false;
            default:
                throw new ArgumentTransformationMetadataException("'" + text + "' is not a yes/no value. Use true or false (also yes/no, 1/0).");
        }
    }
}
