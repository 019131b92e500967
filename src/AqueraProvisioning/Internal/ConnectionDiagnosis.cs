using System;
using System.Management.Automation;
using AqueraProvisioning.Commands;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// -Diagnose of New-, Set- and Test-AqueraConnection: when PingOne's connection test fails, the SCIM endpoint is
/// probed directly from this machine (Test-AqueraScimEndpoint) and the result goes with the error or the test
/// result, so the admin sees why without a second command.
/// </summary>
internal static class ConnectionDiagnosis
{
    /// <summary>The key of the probe result in the failed test's <see cref="Exception.Data"/>.</summary>
    public const string DataKey = "ScimProbeResult";

    /// <summary>Probes the target through the cmdlet's Run bridge (so Ctrl+C stops it too).</summary>
    public static ScimProbeResult Probe(AqueraCmdlet cmdlet, ScimProbeTarget target) =>
        TestAqueraScimEndpointCommand.Probe(cmdlet, target.ScimUrl, target.Credential, ScimEndpointProbe.DefaultTimeout);

    /// <summary>Probes and keeps the result on the exception of the failed test, where the error record finds it.</summary>
    public static Exception Attach(AqueraCmdlet cmdlet, AqueraOperationException failedTest, ScimProbeTarget target)
    {
        failedTest.Data[DataKey] = Probe(cmdlet, target);
        return failedTest;
    }

    /// <summary>One sentence for a message: what the direct probe found.</summary>
    public static string Sentence(ScimProbeResult probe) => "Direct probe from this machine: " + probe.Summary;

    /// <summary>Adds an attached probe's finding to the error's details and its hint to the recommended action.</summary>
    public static ErrorRecord Decorate(ErrorRecord record, Exception exception)
    {
        if (exception.Data[DataKey] is not ScimProbeResult probe)
        {
            return record;
        }

        string message = ErrorRecordFactory.AppendToFirstLine(record.ErrorDetails?.Message ?? exception.Message, " " + Sentence(probe));
        ScimProbeStageResult? problem = probe.FailedStage ?? (probe.Success ? null : FirstNotPassed(probe));
        string advice = problem?.Hint ?? (probe.Success
            ? ScimProbeAdvice.WorksFromThisMachine
            : record.ErrorDetails?.RecommendedAction ?? string.Empty);
        record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = advice };
        return record;
    }

    private static ScimProbeStageResult? FirstNotPassed(ScimProbeResult probe)
    {
        foreach (ScimProbeStageResult stage in probe.Stages)
        {
            if (stage.Status != ScimProbeStatus.Passed && stage.Reason != ScimProbeReasons.NotApplicable)
            {
                return stage;
            }
        }

        return null;
    }
}
