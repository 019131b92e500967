# Runs the local PingOne + Aquera SCIM sandbox as a child process. Shared by build.ps1 (Sandbox, Demo) and by
# the Pester harness (tests/Pester/TestHelpers.psm1), so that everything starts it the same way.
Set-StrictMode -Version Latest

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
    $keepLogs = [bool]$LogDirectory
    if (-not $keepLogs) { $LogDirectory = [System.IO.Path]::GetTempPath() }
    $null = New-Item -ItemType Directory -Force -Path $LogDirectory
    $stem = Join-Path $LogDirectory ("sandbox-{0:yyyyMMdd-HHmmss}-{1}" -f (Get-Date), [guid]::NewGuid().ToString('n').Substring(0, 8))

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($Path, '--port', '0', '--parent-pid', "$PID") + $ExtraArgs) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.RedirectStandardInput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $stderrLog = [System.IO.File]::Create("$stem.err.log")
    $stderrCopy = $process.StandardError.BaseStream.CopyToAsync($stderrLog)
    $stdoutLog = [System.IO.File]::Create("$stem.out.log")
    $stdoutWriter = [System.IO.StreamWriter]::new($stdoutLog)
    $sandbox = [pscustomobject]@{
        Process = $process; StdoutLog = "$stem.out.log"; StderrLog = "$stem.err.log"; KeepLogs = $keepLogs
        Streams = @($stdoutWriter, $stderrLog); Copies = @($stderrCopy)
    }
    try {
        $info = Wait-SandboxReadyLine -Sandbox $sandbox -Writer $stdoutWriter -TimeoutSeconds $TimeoutSeconds
        $stdoutWriter.Flush()
        # Everything after the ready line is only logging; copy it raw so the pipe never fills.
        $sandbox.Copies += $process.StandardOutput.BaseStream.CopyToAsync($stdoutLog)
    }
    catch {
        Stop-AqueraSandbox -Sandbox $sandbox
        throw
    }
    foreach ($property in $info.PSObject.Properties) { $sandbox | Add-Member -NotePropertyName $property.Name -NotePropertyValue $property.Value }
    $sandbox
}

function Wait-SandboxReadyLine {
    # Reads in short waits so that Ctrl+C can interrupt between them.
    param($Sandbox, [System.IO.StreamWriter] $Writer, [int] $TimeoutSeconds)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $reader = $Sandbox.Process.StandardOutput
    while ($true) {
        $read = $reader.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw (New-SandboxStartError $Sandbox "printed no ready line within $TimeoutSeconds s") }
        }
        $line = $read.Result
        if ($null -eq $line) { $Sandbox.Process.WaitForExit(); throw (New-SandboxStartError $Sandbox "exited with code $($Sandbox.Process.ExitCode) before it was ready") }
        $Writer.WriteLine($line)
        if ($line.TrimStart().StartsWith('{')) {
            $info = try { $line | ConvertFrom-Json } catch { $null }
            if ($info -and $info.PSObject.Properties['baseUrl']) { return $info }
        }
    }
}

function New-SandboxStartError {
    param($Sandbox, [string] $What)
    $Sandbox.Streams | ForEach-Object { $_.Flush() }
    $tail = foreach ($log in $Sandbox.StdoutLog, $Sandbox.StderrLog) { Get-Content -LiteralPath $log -Tail 20 -ErrorAction SilentlyContinue }
    "The sandbox $What. Its last output:`n$($tail -join "`n")"
}

function Stop-AqueraSandbox {
    <#
    .SYNOPSIS
    Stops a sandbox started by Start-AqueraSandbox (its whole process tree) and closes its logs. Safe to call
    twice and on a sandbox that already exited. Temporary logs are deleted unless -KeepLogs.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Sandbox, [switch] $KeepLogs)
    process {
        $process = $Sandbox.Process
        try {
            if (-not $process.HasExited) { $process.Kill($true) }
            $null = $process.WaitForExit(10000)
        }
        catch [System.InvalidOperationException] { }  # it exited between the check and the kill
        foreach ($copy in $Sandbox.Copies) { try { $null = $copy.Wait(5000) } catch { } }
        foreach ($stream in $Sandbox.Streams) { try { $stream.Dispose() } catch { } }
        $process.Dispose()
        if (-not $KeepLogs -and -not $Sandbox.KeepLogs) {
            Remove-Item -LiteralPath $Sandbox.StdoutLog, $Sandbox.StderrLog -Force -ErrorAction SilentlyContinue
        }
    }
}

Export-ModuleMember -Function Get-AqueraSandboxPath, Start-AqueraSandbox, Stop-AqueraSandbox
