using System;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using AqueraProvisioning.Core;

namespace AqueraProvisioning.Internal;

/// <summary>
/// Reads secret:NAME references with Get-Secret from Microsoft.PowerShell.SecretManagement, when that module is
/// installed; the module is not a dependency, so without it there is no vault and the resolver says so.
/// </summary>
internal static class SecretVault
{
    private const string Module = "Microsoft.PowerShell.SecretManagement";

    /// <summary>The look-up for secret:NAME, or null when SecretManagement is not available to this session.</summary>
    public static Func<string, SecretLookup>? For(PSCmdlet cmdlet)
    {
        // A module-qualified name is found whether or not the module is imported yet (command discovery loads it).
        bool available = cmdlet.InvokeCommand.GetCommand(Module + "\\Get-Secret", CommandTypes.Cmdlet | CommandTypes.Function) != null;
        return available ? name => Find(cmdlet, name) : null;
    }

    private static SecretLookup Find(PSCmdlet cmdlet, string name)
    {
        try
        {
            ScriptBlock script = ScriptBlock.Create("param($n) " + Module + "\\Get-Secret -Name $n -ErrorAction Stop");
            object? value = cmdlet.InvokeCommand.InvokeScript(false, script, null, name).Select(o => o?.BaseObject).FirstOrDefault();
            return value switch
            {
                SecureString secret => SecretLookup.Found(secret),
                PSCredential credential => SecretLookup.Found(credential.Password, credential.UserName),
                string text => SecretLookup.Found(new NetworkCredential(string.Empty, text).SecurePassword),
                null => SecretLookup.NotFound("Get-Secret returned nothing for '" + name + "'"),
                _ => SecretLookup.NotFound("Get-Secret returned a " + value.GetType().Name + " for '" + name + "', not a SecureString, PSCredential or string"),
            };
        }
        catch (RuntimeException ex)
        {
            // Get-Secret's messages name the secret and the vault, never a value.
            return SecretLookup.NotFound("Get-Secret could not read '" + name + "': " + ex.Message.TrimEnd('.'));
        }
    }
}
