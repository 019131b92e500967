# Runs a local test server as a child process that announces itself with one JSON line on stdout. Shared by
# the sandbox (SandboxProcess.psm1) and the third-party SCIM server (ScimServerProcess.psm1), so that both are
# started, drained and stopped the same way.
Set-StrictMode -Version Latest

function Start-ReadyLineProcess {
    <#
    .SYNOPSIS
    Starts FilePath with ArgumentList and waits for its ready line: the first stdout line that is a JSON object
    with the property ReadyProperty.
    .DESCRIPTION
    stdout and stderr are redirected into log files; stdin is redirected and kept open, so a child that watches
    it sees the end of it when this process dies. Environment sets variables for the child only (the way to
    hand it secrets: they never show in a process list). Other stdout lines before the ready line are kept in
    the log. Afterwards the child's output keeps draining into the log files so that it can never block on a
    full pipe.
    Returns the ready line's properties with Process, StdoutLog, StderrLog, KeepLogs, Streams and Copies added.
    Stop it with Stop-ReadyLineProcess.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Name,
        [Parameter(Mandatory)][string] $FilePath,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [Parameter(Mandatory)][string] $ReadyProperty,
        [int] $TimeoutSeconds = 60,
        [string] $WorkingDirectory,
        # Where the stdout/stderr logs go. Without it they are temporary files deleted by Stop-ReadyLineProcess.
        [string] $LogDirectory
    )
    $keepLogs = [bool]$LogDirectory
    if (-not $keepLogs) { $LogDirectory = [System.IO.Path]::GetTempPath() }
    $null = New-Item -ItemType Directory -Force -Path $LogDirectory
    $stem = Join-Path $LogDirectory ("{0}-{1:yyyyMMdd-HHmmss}-{2}" -f $Name, (Get-Date), [guid]::NewGuid().ToString('n').Substring(0, 8))

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $startInfo.ArgumentList.Add($argument) }
    foreach ($key in $Environment.Keys) { $startInfo.Environment[$key] = [string]$Environment[$key] }
    if ($WorkingDirectory) { $startInfo.WorkingDirectory = $WorkingDirectory }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.RedirectStandardInput = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $stderrLog = [System.IO.File]::Create("$stem.err.log")
    $stderrCopy = $process.StandardError.BaseStream.CopyToAsync($stderrLog)
    $stdoutLog = [System.IO.File]::Create("$stem.out.log")
    $stdoutWriter = [System.IO.StreamWriter]::new($stdoutLog)
    $child = [pscustomobject]@{
        Process = $process; StdoutLog = "$stem.out.log"; StderrLog = "$stem.err.log"; KeepLogs = $keepLogs
        Streams = @($stdoutWriter, $stderrLog); Copies = @($stderrCopy)
    }
    try {
        $info = Wait-ReadyLine -Name $Name -Child $child -Writer $stdoutWriter -ReadyProperty $ReadyProperty -TimeoutSeconds $TimeoutSeconds
        $stdoutWriter.Flush()
        # Everything after the ready line is only logging; copy it raw so the pipe never fills.
        $child.Copies += $process.StandardOutput.BaseStream.CopyToAsync($stdoutLog)
    }
    catch {
        Stop-ReadyLineProcess -Child $child
        throw
    }
    foreach ($property in $info.PSObject.Properties) { $child | Add-Member -NotePropertyName $property.Name -NotePropertyValue $property.Value }
    $child
}

function Wait-ReadyLine {
    # Reads in short waits so that Ctrl+C can interrupt between them.
    param([string] $Name, $Child, [System.IO.StreamWriter] $Writer, [string] $ReadyProperty, [int] $TimeoutSeconds)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $reader = $Child.Process.StandardOutput
    while ($true) {
        $read = $reader.ReadLineAsync()
        while (-not $read.Wait(200)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw (New-StartError $Name $Child "printed no ready line within $TimeoutSeconds s") }
        }
        $line = $read.Result
        if ($null -eq $line) { $Child.Process.WaitForExit(); throw (New-StartError $Name $Child "exited with code $($Child.Process.ExitCode) before it was ready") }
        $Writer.WriteLine($line)
        if ($line.TrimStart().StartsWith('{')) {
            $info = try { $line | ConvertFrom-Json } catch { $null }
            if ($info -and $info.PSObject.Properties[$ReadyProperty]) { return $info }
        }
    }
}

function New-StartError {
    param([string] $Name, $Child, [string] $What)
    $Child.Streams | ForEach-Object { $_.Flush() }
    $tail = foreach ($log in $Child.StdoutLog, $Child.StderrLog) { Get-Content -LiteralPath $log -Tail 20 -ErrorAction SilentlyContinue }
    "The $Name $What. Its last output:`n$($tail -join "`n")"
}

function Stop-ReadyLineProcess {
    <#
    .SYNOPSIS
    Stops a child started by Start-ReadyLineProcess (its whole process tree) and closes its logs. Safe to call
    twice and on a child that already exited. Temporary logs are deleted unless -KeepLogs.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Child, [switch] $KeepLogs)
    process {
        $process = $Child.Process
        try {
            if (-not $process.HasExited) { $process.Kill($true) }
            $null = $process.WaitForExit(10000)
        }
        catch [System.InvalidOperationException] { }  # it exited between the check and the kill
        foreach ($copy in $Child.Copies) { try { $null = $copy.Wait(5000) } catch { } }
        foreach ($stream in $Child.Streams) { try { $stream.Dispose() } catch { } }
        $process.Dispose()
        if (-not $KeepLogs -and -not $Child.KeepLogs) {
            Remove-Item -LiteralPath $Child.StdoutLog, $Child.StderrLog -Force -ErrorAction SilentlyContinue
        }
    }
}

Export-ModuleMember -Function Start-ReadyLineProcess, Stop-ReadyLineProcess
