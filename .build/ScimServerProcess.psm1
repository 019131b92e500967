# A real third-party SCIM 2.0 service for the tests: SCIMMY + SCIMMY Routers from npm (tests/ScimServer, pinned
# by its package-lock.json), installed into the ignored .tools/scim-server and run by node on 127.0.0.1 only.
#
# From any Pester file:
#
#     BeforeAll {
#         Import-Module (Join-Path $PSScriptRoot '../../.build/ScimServerProcess.psm1') -Force   # or TestHelpers.psm1
#         $script:Scim = Start-ScimServer          # installs it first if this checkout has not yet
#     }
#     AfterAll { Stop-ScimServer $script:Scim }     # also runs when a test or BeforeAll failed
#
#     $script:Scim.scimUrl        http://127.0.0.1:<free port>/scim/v2 (no trailing slash)
#     $script:Scim.bearerToken    the one bearer token it accepts (plain text; .BearerSecret is a SecureString)
#     $script:Scim.basicUser      the Basic user name it accepts
#     $script:Scim.basicPassword  the Basic password (plain text; .Credential is a PSCredential of both)
#     $script:Scim.Headers        @{ Authorization = 'Bearer …' } for Invoke-RestMethod; .BasicHeaders for Basic
#
# Credentials are random per start unless given (-BearerToken, -BasicUser, -BasicPassword). For a block that
# needs its own server: Use-ScimServer { param($scim) ... } starts one, runs the block and always stops it.
# The server exits by itself when this process dies (it watches its stdin and the parent process id).
# What the service does and does not do (SCIMMY's behaviour, e.g. filters compare case-sensitively):
# tests/ScimServer/README.md.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'ReadyLineProcess.psm1')

$script:RepoRoot = Split-Path -Parent $PSScriptRoot
$script:SourcePath = Join-Path $script:RepoRoot 'tests/ScimServer'
$script:SourceFiles = @('package.json', 'package-lock.json', 'server.mjs')
$script:MinimumNodeMajor = 18

function Get-ScimServerPath {
    <#
    .SYNOPSIS
    Where the SCIM server is installed: $env:AQUERA_SCIM_SERVER_PATH when build.ps1 set it, else .tools/scim-server.
    #>
    if ($env:AQUERA_SCIM_SERVER_PATH) { return $env:AQUERA_SCIM_SERVER_PATH }
    Join-Path $script:RepoRoot '.tools/scim-server'
}

function Assert-NodeToolchain {
    foreach ($tool in 'node', 'npm') {
        if (-not (Get-Command -Name $tool -CommandType Application -ErrorAction SilentlyContinue)) {
            throw "$tool was not found on PATH. The tests need Node.js $script:MinimumNodeMajor or later with npm to install and run the third-party SCIM server (tests/ScimServer)."
        }
    }
    $version = (& node --version) -replace '^v', ''
    if ([int]($version.Split('.')[0]) -lt $script:MinimumNodeMajor) {
        throw "Node.js $version is too old for the third-party SCIM server (tests/ScimServer): $script:MinimumNodeMajor or later is needed."
    }
}

function Test-ScimServerInstalled {
    <#
    .SYNOPSIS
    True when Path holds the committed launcher and lockfile and the packages npm ci installed from them.
    #>
    param([string] $Path = (Get-ScimServerPath))
    foreach ($file in $script:SourceFiles) {
        $installed = Join-Path $Path $file
        if (-not (Test-Path -LiteralPath $installed)) { return $false }
        if ((Get-FileHash -LiteralPath $installed).Hash -ne (Get-FileHash -LiteralPath (Join-Path $script:SourcePath $file)).Hash) { return $false }
    }
    Test-Path -LiteralPath (Join-Path $Path 'node_modules/.package-lock.json')
}

function Install-ScimServer {
    <#
    .SYNOPSIS
    Copies tests/ScimServer into Path and runs `npm ci` there (exactly the versions in package-lock.json, no
    install scripts). Returns Path. Throws when node or npm is missing or npm ci fails.
    .DESCRIPTION
    Without -Force nothing is done when Path already holds this lockfile's install. The Test task passes
    -Force, so each run installs from the lockfile once.
    #>
    [CmdletBinding()]
    param([string] $Path = (Get-ScimServerPath), [switch] $Force)
    Assert-NodeToolchain
    if (-not $Force -and (Test-ScimServerInstalled -Path $Path)) { return $Path }
    $null = New-Item -ItemType Directory -Force -Path $Path
    foreach ($file in $script:SourceFiles) { Copy-Item -LiteralPath (Join-Path $script:SourcePath $file) -Destination $Path -Force }
    Write-Host "Installing the third-party SCIM server (npm ci) into $Path" -ForegroundColor Cyan
    Push-Location -LiteralPath $Path
    try { $output = & npm ci --no-audit --no-fund --ignore-scripts --loglevel=error 2>&1 | ForEach-Object { "$_" } }
    finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { throw "npm ci for the third-party SCIM server failed (exit code $LASTEXITCODE):`n$($output -join "`n")" }
    $Path
}

function Start-ScimServer {
    <#
    .SYNOPSIS
    Starts the third-party SCIM 2.0 server on 127.0.0.1 and a free port and returns its URL and credentials
    (see the top of this file). Installs it first when Path does not hold the committed version.
    #>
    [CmdletBinding()]
    param(
        [string] $Path = (Get-ScimServerPath),
        [string] $BearerToken = [guid]::NewGuid().ToString('n'),
        [string] $BasicUser = "scim-$([guid]::NewGuid().ToString('n').Substring(0, 8))",
        [string] $BasicPassword = [guid]::NewGuid().ToString('n'),
        [int] $TimeoutSeconds = 30,
        # Where the stdout/stderr logs go. Without it they are temporary files deleted by Stop-ScimServer.
        [string] $LogDirectory
    )
    $null = Install-ScimServer -Path $Path
    $logs = if ($LogDirectory) { @{ LogDirectory = $LogDirectory } } else { @{} }
    $server = Start-ReadyLineProcess -Name 'scim-server' -FilePath 'node' -WorkingDirectory $Path -ReadyProperty 'scimUrl' -TimeoutSeconds $TimeoutSeconds @logs `
        -ArgumentList @((Join-Path $Path 'server.mjs'), '--port', '0', '--parent-pid', "$PID") `
        -Environment @{ SCIM_BEARER_TOKEN = $BearerToken; SCIM_BASIC_USER = $BasicUser; SCIM_BASIC_PASSWORD = $BasicPassword }
    $basic = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("${BasicUser}:$BasicPassword"))
    $secret = ConvertTo-SecureString -String $BasicPassword -AsPlainText -Force
    $server | Add-Member -NotePropertyMembers ([ordered]@{
            bearerToken = $BearerToken
            basicUser = $BasicUser
            basicPassword = $BasicPassword
            BearerSecret = ConvertTo-SecureString -String $BearerToken -AsPlainText -Force
            Credential = [pscredential]::new($BasicUser, $secret)
            Headers = @{ Authorization = "Bearer $BearerToken" }
            BasicHeaders = @{ Authorization = "Basic $basic" }
        })
    $server
}

function Stop-ScimServer {
    <#
    .SYNOPSIS
    Stops a server started by Start-ScimServer. Safe to call twice, with $null, and on one that already exited.
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline)][AllowNull()] $Server, [switch] $KeepLogs)
    process { if ($Server) { Stop-ReadyLineProcess -Child $Server -KeepLogs:$KeepLogs } }
}

function Use-ScimServer {
    <#
    .SYNOPSIS
    Starts a SCIM server, runs ScriptBlock with it as the only argument and stops it whatever happens; returns
    what the block returned.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][scriptblock] $ScriptBlock)
    $server = Start-ScimServer
    try { & $ScriptBlock $server }
    finally { Stop-ScimServer $server }
}

Export-ModuleMember -Function Get-ScimServerPath, Test-ScimServerInstalled, Install-ScimServer, Start-ScimServer, Stop-ScimServer, Use-ScimServer
