# Runs the local PingOne + Aquera SCIM sandbox as a child process. Shared by build.ps1 (Sandbox, Demo) and by
# the Pester harness (tests/Pester/TestHelpers.psm1), so that everything starts it the same way.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'ReadyLineProcess.psm1')

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-AqueraSandboxPath {
    <#
    .SYNOPSIS
    The sandbox assembly to run: $env:AQUERA_SANDBOX_PATH when build.ps1 set it, else the Release build output.
    #>
    [CmdletBinding()]
    param([string] $Configuration = 'Release')
    if ($env:AQUERA_SANDBOX_PATH) { return $env:AQUERA_SANDBOX_PATH }
    Join-Path $script:RepoRoot "src/AqueraProvisioning.Sandbox/bin/$Configuration/net10.0/AqueraProvisioning.Sandbox.dll"
}

function Start-AqueraSandbox {
    <#
    .SYNOPSIS
    Starts the sandbox on a free loopback port and waits for its ready line.
    .DESCRIPTION
    Runs `dotnet <sandbox dll> --port 0 --parent-pid <this process> [ExtraArgs]` with stdout and stderr
    redirected, reads stdout until the one JSON line with baseUrl appears (other lines are console logging),
    and returns that object (baseUrl, apiUrl, authUrl, scimUrl, controlUrl, environmentId, clientId,
    clientSecret, scimBearerToken, scimUser, scimPassword) with Process, StdoutLog and StderrLog added.
    Afterwards the child's output keeps draining into the log files so that it can never block on a full pipe.
    --parent-pid makes the sandbox exit by itself if this process dies without calling Stop-AqueraSandbox.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ExtraArgs = @(),
        [string] $Path = (Get-AqueraSandboxPath),
        [int] $TimeoutSeconds = 60,
        # Where the stdout/stderr logs go. Without it they are temporary files deleted by Stop-AqueraSandbox.
        [string] $LogDirectory
    )
    if (-not (Test-Path -LiteralPath $Path)) {
        throw "The sandbox is not built: '$Path' does not exist. Run 'dotnet pwsh ./build.ps1 -Task Build' first."
    }
    $arguments = @($Path, '--port', '0', '--parent-pid', "$PID") + $ExtraArgs
    $logs = if ($LogDirectory) { @{ LogDirectory = $LogDirectory } } else { @{} }
    Start-ReadyLineProcess -Name 'sandbox' -FilePath 'dotnet' -ArgumentList $arguments -ReadyProperty 'baseUrl' -TimeoutSeconds $TimeoutSeconds @logs
}

function Stop-AqueraSandbox {
    # Stop-ReadyLineProcess under the sandbox's name: safe to call twice; temporary logs go unless -KeepLogs.
    param([Parameter(Mandatory, ValueFromPipeline)] $Sandbox, [switch] $KeepLogs)
    process { Stop-ReadyLineProcess -Child $Sandbox -KeepLogs:$KeepLogs }
}

Export-ModuleMember -Function Get-AqueraSandboxPath, Start-AqueraSandbox, Stop-AqueraSandbox
