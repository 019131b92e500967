using System.Globalization;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The exe's arguments: <c>[--port N] [--token-lifetime SECONDS] [--secrets echo|omit] [--latency-ms N] [--parent-pid PID]</c>.
/// Hand-parsed because the project takes no packages and the grammar is five options.
/// </summary>
internal sealed record CommandLine(SandboxOptions Options, int? ParentPid)
{
    public const string Usage =
        "usage: AqueraProvisioning.Sandbox [--port N] [--token-lifetime SECONDS] [--secrets echo|omit] [--latency-ms N] [--parent-pid PID]";

    public static CommandLine? TryParse(string[] args, out string error)
    {
        error = string.Empty;
        var options = new SandboxOptions { Quiet = false };
        int? parentPid = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
            switch (name)
            {
                case "--port" when number is <= 65535:
                    options.Port = number.Value;
                    break;
                case "--token-lifetime" when number is not null:
                    options.TokenLifetimeSeconds = number.Value;
                    break;
                case "--latency-ms" when number is not null:
                    options.LatencyMs = number.Value;
                    break;
                case "--parent-pid" when number is > 0:
                    parentPid = number;
                    break;
                case "--secrets" when SettingNames.SecretsModes.TryParse(value, out _):
                    options.Secrets = value;
                    break;
                default:
                    error = $"unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        return new CommandLine(options, parentPid);
    }
}
