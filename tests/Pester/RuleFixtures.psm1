# Fixtures for the rule suites (Rules, Mappings, Provisioning): the PingOne directory as the sandbox's Users API
# serves it, the engine and what the fake Aquera service holds (control API), and connections and rules made
# through the module. Import it after TestHelpers.psm1 and ConnectionFixtures.psm1, whose sandbox it uses:
#     Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
Set-StrictMode -Version Latest

$script:Token = $null
$script:TokenFor = $null

function Invoke-PingOneApi {
    <#
    .SYNOPSIS
    Calls the sandbox's PingOne API directly (not through the module) with a worker token of its own: for what
    the module does not do, such as disabling a directory user, and for reading the plans a test asserts on.
    Path is under /environments/{id}/, for example 'users?filter=username eq "x"'.
    #>
    param([ValidateSet('Get', 'Post', 'Put', 'Patch', 'Delete')][string] $Method = 'Get', [Parameter(Mandatory)][string] $Path, [object] $Body)
    $sandbox = Get-TestSandbox
    if ($script:TokenFor -ne $sandbox.baseUrl) {
        $basic = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($sandbox.clientId):$($sandbox.clientSecret)"))
        $script:Token = (Invoke-RestMethod -Method Post -Uri "$($sandbox.authUrl)/$($sandbox.environmentId)/as/token" -Headers @{ Authorization = "Basic $basic" } `
                -ContentType 'application/x-www-form-urlencoded' -Body 'grant_type=client_credentials').access_token
        $script:TokenFor = $sandbox.baseUrl
    }
    $request = @{ Method = $Method; Uri = "$($sandbox.apiUrl)/environments/$($sandbox.environmentId)/$Path"; Headers = @{ Authorization = "Bearer $script:Token" } }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = $Body | ConvertTo-Json -Depth 10 -Compress
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

function Get-DirectoryUser {
    <#
    .SYNOPSIS
    The PingOne directory user with this username.
    #>
    param([Parameter(Mandatory, Position = 0)][string] $Username)
    $filter = [uri]::EscapeDataString("username eq `"$Username`"")
    @((Invoke-PingOneApi -Path "users?filter=$filter")._embedded.users)[0]
}

function Set-DirectoryUserEnabled {
    <#
    .SYNOPSIS
    Enables or disables a directory user (PUT /users/{id}/enabled), as an admin does in the console.
    #>
    param([Parameter(Mandatory, Position = 0)][string] $Username, [Parameter(Mandatory, Position = 1)][bool] $Enabled)
    $user = Get-DirectoryUser $Username
    $null = Invoke-PingOneApi -Method Put -Path "users/$($user.id)/enabled" -Body @{ enabled = $Enabled }
}

function Wait-SandboxEngine {
    <#
    .SYNOPSIS
    Waits until the sandbox's propagation engine has sent everything the last change asked for (never a blind sleep).
    #>
    $null = Invoke-SandboxControl -Method Post -Path 'engine/wait' -Body @{ timeoutMs = 60000 }
}

function Get-AqueraHoldings {
    <#
    .SYNOPSIS
    The users the fake Aquera SCIM service holds, as it serves them, sorted by userName.
    #>
    @((Invoke-SandboxControl -Method Get -Path 'scim/users').Resources | Sort-Object userName)
}

function Get-WhatIfText {
    <#
    .SYNOPSIS
    Runs the script block and returns the "What if:" lines it made the host show (read from a transcript,
    since ShouldProcess writes them to the host, not to a stream).
    #>
    param([Parameter(Mandatory, Position = 0)][scriptblock] $Script)
    $path = Join-Path ([System.IO.Path]::GetTempPath()) ('whatif-' + [guid]::NewGuid().ToString('n') + '.txt')
    $null = Start-Transcript -LiteralPath $path -UseMinimalHeader
    try { $null = & $Script }
    finally { $null = Stop-Transcript }
    try { @(Get-Content -LiteralPath $path | Where-Object { $_ -like 'What if:*' }) }
    finally { Remove-Item -LiteralPath $path -ErrorAction SilentlyContinue }
}

function Get-PlanCount { @((Invoke-PingOneApi -Path 'propagation/plans')._embedded.plans).Count }

function Get-DirectoryStoreCount { @((Invoke-PingOneApi -Path 'propagation/stores?limit=1000')._embedded.stores | Where-Object type -EQ 'directory').Count }

function New-TestRule {
    <#
    .SYNOPSIS
    A rule for the Default population (unless -Population) to the connection, with the default mappings.
    Extra parameters go to New-AqueraProvisioningRule.
    #>
    param(
        [Parameter(Mandatory, Position = 0)][string] $Name,
        [Parameter(Mandatory, Position = 1)] $Connection,
        [string[]] $Population = @('Default'),
        [switch] $Enabled,
        [hashtable] $Parameters = @{}
    )
    $new = @{ Name = $Name; Connection = $Connection; Population = $Population; ErrorAction = 'Stop' }
    if ($Enabled) { $new.State = 'Enabled' }
    foreach ($key in $Parameters.Keys) { $new[$key] = $Parameters[$key] }
    New-AqueraProvisioningRule @new
}

Export-ModuleMember -Function Invoke-PingOneApi, Get-DirectoryUser, Set-DirectoryUserEnabled, Wait-SandboxEngine, Get-AqueraHoldings, Get-WhatIfText, Get-PlanCount,
    Get-DirectoryStoreCount, New-TestRule
