# Shared harness for the Pester suites. Each test file imports it, then in BeforeAll:
#     Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
#     Import-ModuleUnderTest
#     Start-TestSandbox            # one sandbox per test file; Stop-TestSandbox in AfterAll
# and uses Reset-Sandbox, Set-SandboxSettings, Get-SandboxRequests, Get-SandboxStats, Connect-Sandbox and
# New-TestSecret. Start-ScimServer / Stop-ScimServer / Use-ScimServer (from .build/ScimServerProcess.psm1) run
# the real third-party SCIM 2.0 server. The module under test is always the built folder: $env:AQUERA_MODULE_PATH, which
# build.ps1 -Task Test sets, or out/AqueraProvisioning after a manual build.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
Import-Module (Join-Path $script:RepoRoot '.build/SandboxProcess.psm1')
Import-Module (Join-Path $script:RepoRoot '.build/PwshProcess.psm1')
Import-Module (Join-Path $script:RepoRoot '.build/ScimServerProcess.psm1')
$script:Sandbox = $null

function Get-RepoRoot { $script:RepoRoot }

function Get-ModuleUnderTestPath {
    <#
    .SYNOPSIS
    The built module manifest the tests run against.
    #>
    $path = if ($env:AQUERA_MODULE_PATH) { $env:AQUERA_MODULE_PATH } else { Join-Path $script:RepoRoot 'out/AqueraProvisioning/AqueraProvisioning.psd1' }
    if (-not (Test-Path -LiteralPath $path)) { throw "The module under test is not built: '$path' does not exist. Run 'dotnet pwsh ./build.ps1 -Task Build'." }
    $path
}

function Import-ModuleUnderTest {
    <#
    .SYNOPSIS
    Imports the built module into the global scope (so the tests see its cmdlets) and returns its PSModuleInfo.
    #>
    Import-Module -Name (Get-ModuleUnderTestPath) -Global -PassThru -ErrorAction Stop
}

function Start-TestSandbox {
    <#
    .SYNOPSIS
    Starts a sandbox for this test file (call it in BeforeAll) and returns its info: baseUrl, apiUrl, authUrl,
    scimUrl, controlUrl, environmentId, clientId, clientSecret, scimBearerToken, scimUser, scimPassword.
    ExtraArgs go to the sandbox's command line. The helpers below use this sandbox unless given -Sandbox.
    #>
    [CmdletBinding()]
    param([string[]] $ExtraArgs = @())
    Stop-TestSandbox
    $logs = @{}
    if ($env:AQUERA_SANDBOX_LOGS) { $logs.LogDirectory = $env:AQUERA_SANDBOX_LOGS }
    $script:Sandbox = Start-AqueraSandbox -ExtraArgs $ExtraArgs @logs
    $script:Sandbox
}

function Stop-TestSandbox {
    <#
    .SYNOPSIS
    Stops the sandbox that Start-TestSandbox started (call it in AfterAll). Does nothing if none runs.
    #>
    if ($script:Sandbox) {
        Stop-AqueraSandbox -Sandbox $script:Sandbox
        $script:Sandbox = $null
    }
}

function Get-TestSandbox {
    <#
    .SYNOPSIS
    The running test sandbox, or the one given.
    #>
    param($Sandbox)
    if ($Sandbox) { return $Sandbox }
    if (-not $script:Sandbox) { throw 'No sandbox is running: call Start-TestSandbox in BeforeAll.' }
    $script:Sandbox
}

function Invoke-SandboxControl {
    <#
    .SYNOPSIS
    Calls the sandbox's control API (controlUrl/<Path>) with an optional JSON body and returns the response.
    Routes: GET|POST settings, POST reset, GET|DELETE requests, GET stats, POST tokens/expire, POST seed,
    GET stores/<id>, POST stores, GET info.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('Get', 'Post', 'Delete')][string] $Method,
        [Parameter(Mandatory)][string] $Path,
        [object] $Body,
        $Sandbox
    )
    $target = Get-TestSandbox $Sandbox
    $request = @{ Method = $Method; Uri = "$($target.controlUrl)/$($Path.TrimStart('/'))" }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Reset-Sandbox {
    <#
    .SYNOPSIS
    Restores the sandbox's initial state: no stores, default settings and fault knobs, demo credentials.
    #>
    param($Sandbox)
    $null = Invoke-SandboxControl -Method Post -Path 'reset' -Sandbox $Sandbox
}

function Set-SandboxSettings {
    <#
    .SYNOPSIS
    Changes sandbox knobs, for example Set-SandboxSettings @{ tokenLifetimeSeconds = 5 }. Returns the
    settings now in force.
    #>
    param([Parameter(Mandatory, Position = 0)][hashtable] $Settings, $Sandbox)
    Invoke-SandboxControl -Method Post -Path 'settings' -Body $Settings -Sandbox $Sandbox
}

function Get-SandboxRequests {
    <#
    .SYNOPSIS
    The requests the sandbox has received since the last reset or Clear-SandboxRequests, oldest first.
    #>
    param($Sandbox)
    Invoke-SandboxControl -Method Get -Path 'requests' -Sandbox $Sandbox | ForEach-Object { $_ }
}

function Clear-SandboxRequests {
    <#
    .SYNOPSIS
    Empties the sandbox's request log.
    #>
    param($Sandbox)
    $null = Invoke-SandboxControl -Method Delete -Path 'requests' -Sandbox $Sandbox
}

function Get-SandboxStats {
    <#
    .SYNOPSIS
    The sandbox's counters (connectionsOpened, requests, tokensIssued, revisions, stores).
    #>
    param($Sandbox)
    Invoke-SandboxControl -Method Get -Path 'stats' -Sandbox $Sandbox
}

function New-TestSecret {
    <#
    .SYNOPSIS
    A SecureString holding PlainText, or a random 32-character secret when none is given.
    #>
    param([Parameter(Position = 0)][string] $PlainText)
    if (-not $PlainText) { $PlainText = [guid]::NewGuid().ToString('n') }
    ConvertTo-SecureString -String $PlainText -AsPlainText -Force
}

function Get-SandboxScimCredential {
    <#
    .SYNOPSIS
    The Basic-auth user and password the sandbox's SCIM service accepts, as a PSCredential.
    #>
    param($Sandbox)
    $target = Get-TestSandbox $Sandbox
    [pscredential]::new($target.scimUser, (New-TestSecret $target.scimPassword))
}

function Connect-Sandbox {
    <#
    .SYNOPSIS
    Connect-AqueraPingOne to the sandbox with its demo worker credentials (-ApiUrl, -AuthUrl, -EnvironmentId,
    -ClientId, -ClientSecret as a SecureString). Extra parameters (a hashtable) are passed through, for example
    @{ PassThru = $true }.
    #>
    param([hashtable] $Parameters = @{}, $Sandbox)
    $target = Get-TestSandbox $Sandbox
    $connect = @{
        EnvironmentId = $target.environmentId
        ClientId = $target.clientId
        ClientSecret = New-TestSecret $target.clientSecret
        ApiUrl = $target.apiUrl
        AuthUrl = $target.authUrl
    }
    foreach ($key in $Parameters.Keys) { $connect[$key] = $Parameters[$key] }
    Connect-AqueraPingOne @connect
}

Export-ModuleMember -Function Get-RepoRoot, Get-ModuleUnderTestPath, Import-ModuleUnderTest, Start-TestSandbox, Stop-TestSandbox,
    Get-TestSandbox, Invoke-SandboxControl, Reset-Sandbox, Set-SandboxSettings, Get-SandboxRequests, Clear-SandboxRequests,
    Get-SandboxStats, New-TestSecret, Get-SandboxScimCredential, Connect-Sandbox, Invoke-FreshPwsh, Get-PwshCommandLine,
    Start-AqueraSandbox, Stop-AqueraSandbox, Start-ScimServer, Stop-ScimServer, Use-ScimServer, Install-ScimServer,
    Test-ScimServerInstalled
