# Fixtures for the connection suites (Lifecycle, Pipeline, Secrets): connections made through the module, the
# sandbox's raw view of a store, the state-changing part of the request log, captured errors and formatted text.
# Import it after TestHelpers.psm1, whose sandbox it uses:
#     Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
Set-StrictMode -Version Latest

$script:CmdletNamespace = 'AqueraProvisioning.Commands'

function Start-ConnectedSandbox {
    <#
    .SYNOPSIS
    For a suite's BeforeAll: imports the module under test, starts this file's sandbox, connects to it and returns
    the sandbox's info. Stop-ConnectedSandbox undoes it in AfterAll.
    #>
    $null = Import-ModuleUnderTest
    $sandbox = Start-TestSandbox
    Connect-Sandbox
    $sandbox
}

function Stop-ConnectedSandbox {
    # For AfterAll: the session ends before its sandbox.
    Disconnect-AqueraPingOne
    Stop-TestSandbox
}

function Get-ScimToken {
    <#
    .SYNOPSIS
    The bearer token the sandbox's SCIM service accepts, as a SecureString.
    #>
    New-TestSecret (Get-TestSandbox).scimBearerToken
}

function New-TestConnection {
    <#
    .SYNOPSIS
    Creates an Aquera connection to the sandbox's SCIM service and returns it. -Invalid gives it a token the SCIM
    service refuses (saved disabled with -Force, its warning swallowed); -Basic uses the sandbox's Basic pair.
    Extra parameters go to New-AqueraConnection.
    #>
    param(
        [Parameter(Mandatory, Position = 0)][string] $Name,
        [switch] $Enabled,
        [switch] $Invalid,
        [switch] $Basic,
        [hashtable] $Parameters = @{}
    )
    $new = @{ Name = $Name; ScimUrl = (Get-TestSandbox).scimUrl; Enabled = $Enabled.IsPresent; ErrorAction = 'Stop' }
    if ($Basic) { $new.Credential = Get-SandboxScimCredential }
    elseif ($Invalid) { $new.BearerToken = New-TestSecret 'a-token-the-scim-service-refuses'; $new.Force = $true; $new.WarningAction = 'SilentlyContinue' }
    else { $new.BearerToken = Get-ScimToken }
    foreach ($key in $Parameters.Keys) { $new[$key] = $Parameters[$key] }
    New-AqueraConnection @new
}

function Get-RawStore {
    <#
    .SYNOPSIS
    The store as the sandbox holds it, secrets included (the control API always echoes them).
    #>
    param([Parameter(Mandatory, Position = 0)][string] $Id)
    Invoke-SandboxControl -Method Get -Path "stores/$Id"
}

function Add-RawStore {
    <#
    .SYNOPSIS
    Plants a store without the API's validation (for keys the module does not know) and returns it.
    #>
    param([Parameter(Mandatory, Position = 0)][hashtable] $Store)
    Invoke-SandboxControl -Method Post -Path 'stores' -Body $Store
}

function Get-V1Request {
    <#
    .SYNOPSIS
    The logged requests to the management API (/v1), optionally only those that change state.
    #>
    param([switch] $StateChanging)
    @(Get-SandboxRequests | Where-Object {
            $_.path -like '/v1/*' -and (-not $StateChanging -or $_.method -in 'POST', 'PUT', 'PATCH', 'DELETE')
        })
}

function Get-RevisionCount { [int](Get-SandboxStats).revisions }

function Get-FullErrorId {
    <#
    .SYNOPSIS
    The FullyQualifiedErrorId a cmdlet of this module gives for an ErrorId: 'AqueraInvalidId' and
    'Get-AqueraConnection' make 'AqueraInvalidId,AqueraProvisioning.Commands.GetAqueraConnectionCommand'.
    #>
    param([Parameter(Mandatory, Position = 0)][string] $ErrorId, [Parameter(Mandatory, Position = 1)][string] $Cmdlet)
    "$ErrorId,$script:CmdletNamespace.$($Cmdlet -replace '-', '')Command"
}

function Get-CommandError {
    <#
    .SYNOPSIS
    Runs the script block and returns every error it raised, terminating or not, as ErrorRecords. Its output
    is discarded.
    #>
    param([Parameter(Mandatory, Position = 0)][scriptblock] $Script)
    $errors = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
    try {
        & $Script 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $errors.Add($_) }
        }
    }
    catch { $errors.Add($_) }
    , $errors.ToArray()
}

function Get-RenderedText {
    <#
    .SYNOPSIS
    Everything a user could see of the objects: their properties' values, ToString(), the default view,
    Format-List *, Format-Table * and JSON.
    #>
    param([Parameter(Mandatory, ValueFromPipeline)][AllowNull()] $InputObject)
    begin { $all = [System.Collections.Generic.List[object]]::new() }
    process { if ($null -ne $InputObject) { $all.Add($InputObject) } }
    end {
        $text = [System.Text.StringBuilder]::new()
        foreach ($item in $all) {
            $null = $text.AppendLine("$item")
            foreach ($property in $item.PSObject.Properties) { $null = $text.AppendLine("$($property.Name)=$($property.Value)") }
        }
        $null = $text.AppendLine(($all | Out-String -Width 500))
        $null = $text.AppendLine(($all | Format-List * | Out-String -Width 500))
        $null = $text.AppendLine(($all | Format-Table * | Out-String -Width 500))
        $null = $text.AppendLine(($all | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue))
        $text.ToString()
    }
}

function Assert-NoSecret {
    <#
    .SYNOPSIS
    Fails when the text contains any of the secrets (plain strings).
    #>
    param([Parameter(Mandatory, Position = 0)][AllowEmptyString()][string] $Text, [Parameter(Mandatory, Position = 1)][string[]] $Secret)
    foreach ($value in $Secret) {
        if ($Text.Contains($value)) { throw "The text shows the secret '$($value.Substring(0, 4))…':`n$Text" }
    }
}

function Invoke-ConnectedRunspace {
    <#
    .SYNOPSIS
    Runs the script in a new runspace of this process (no host, so nothing can prompt), with the module imported
    and connected to the sandbox. Returns what it wrote: Output, Errors and Progress.
    #>
    param([Parameter(Mandatory, Position = 0)][scriptblock] $Script)
    $setup = {
        param($ManifestPath, $Target)
        Import-Module $ManifestPath
        $secret = ConvertTo-SecureString $Target.clientSecret -AsPlainText -Force
        Connect-AqueraPingOne -EnvironmentId $Target.environmentId -ClientId $Target.clientId -ClientSecret $secret -ApiUrl $Target.apiUrl -AuthUrl $Target.authUrl
    }
    $target = Get-TestSandbox | Select-Object environmentId, clientId, clientSecret, apiUrl, authUrl
    $shell = [powershell]::Create()
    $null = $shell.AddScript("$setup`n$Script").AddArgument((Get-ModuleUnderTestPath)).AddArgument($target)
    try {
        $output = @()
        $failure = @()
        try { $output = @($shell.Invoke()) } catch { $failure = @($_.Exception.InnerException.ErrorRecord) }
        [pscustomobject]@{ Output = $output; Errors = @($shell.Streams.Error) + $failure; Progress = @($shell.Streams.Progress) }
    }
    finally { $shell.Dispose() }
}

Export-ModuleMember -Function Start-ConnectedSandbox, Stop-ConnectedSandbox, Get-ScimToken, New-TestConnection, Get-RawStore, Add-RawStore, Get-V1Request, Get-RevisionCount,
    Get-FullErrorId, Get-CommandError, Get-RenderedText, Assert-NoSecret, Invoke-ConnectedRunspace
