# Starts a fresh pwsh that is the same PowerShell as the current one. Here pwsh is a dotnet tool, so the
# running process is `dotnet` with pwsh.dll as its entry assembly, and `dotnet pwsh` only works inside the
# repository (it needs the tool manifest); re-running the entry assembly works from any folder.
Set-StrictMode -Version Latest

function Get-PwshCommandLine {
    <#
    .SYNOPSIS
    Returns FilePath and the leading Arguments that start a new process of the running PowerShell.
    #>
    [CmdletBinding()]
    param()
    $processPath = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        $entry = [System.Reflection.Assembly]::GetEntryAssembly().Location
        return [pscustomobject]@{ FilePath = $processPath; Arguments = @($entry) }
    }
    [pscustomobject]@{ FilePath = $processPath; Arguments = @() }
}

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
    Runs a command or a script file in a new `pwsh -NoProfile -NonInteractive` and waits for it.
    With -PassThru the merged output lines and the exit code come back as an object (Output, ExitCode);
    without it the child writes straight to this console and the exit code is returned.
    Environment sets variables for the child only.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Command')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Command', Position = 0)][string] $Command,
        [Parameter(Mandatory, ParameterSetName = 'File')][string] $File,
        [Parameter(ParameterSetName = 'File')][string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = (Get-Location).ProviderPath,
        [switch] $PassThru
    )
    $pwsh = Get-PwshCommandLine
    $arguments = @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive')
    if ($PSCmdlet.ParameterSetName -eq 'File') { $arguments += @('-File', $File) + $ArgumentList }
    else { $arguments += @('-Command', $Command) }

    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, [string]$Environment[$name])
    }
    Push-Location -LiteralPath $WorkingDirectory
    try {
        if ($PassThru) {
            $output = & $pwsh.FilePath @arguments 2>&1 | ForEach-Object { "$_" }
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = @($output) }
        }
        else {
            & $pwsh.FilePath @arguments | Out-Host
            $LASTEXITCODE
        }
    }
    finally {
        Pop-Location
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

Export-ModuleMember -Function Get-PwshCommandLine, Invoke-FreshPwsh
