<#
.SYNOPSIS
Walks the PingOne admin console's "New Connection > Aquera" flow with the AqueraProvisioning cmdlets.

.DESCRIPTION
Connects to PingOne with a worker application, creates an Aquera connection that authenticates with a bearer
token (PingOne tests the connection before it is saved), tests and enables it, lists the connections and shows
the new one.

`build.ps1 -Task Demo` runs it against the local sandbox and passes -Sandbox for you. To run it by hand, start
the sandbox with `build.ps1 -Task Sandbox` and pass the values it prints, or the JSON line it writes.

.PARAMETER Sandbox
The sandbox's ready information (baseUrl, apiUrl, authUrl, scimUrl, environmentId, clientId, clientSecret,
scimBearerToken, ...): an object or its JSON text.

.PARAMETER ModulePath
The module to import; by default the one build.ps1 assembled in out/AqueraProvisioning.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [object] $Sandbox,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/AqueraProvisioning/AqueraProvisioning.psd1')
)
$ErrorActionPreference = 'Stop'
if ($Sandbox -is [string]) { $Sandbox = $Sandbox | ConvertFrom-Json }

function Write-Step([int] $Number, [string] $Text) {
    Write-Host ''
    Write-Host "[$Number] $Text" -ForegroundColor Cyan
}

Import-Module $ModulePath
Write-Host "AqueraProvisioning $((Get-Module AqueraProvisioning).Version) against the local sandbox at $($Sandbox.baseUrl)"

Write-Step 1 'Connect to PingOne with a worker application (client id + secret)'
$clientSecret = ConvertTo-SecureString -String $Sandbox.clientSecret -AsPlainText -Force
Connect-AqueraPingOne -EnvironmentId $Sandbox.environmentId -ClientId $Sandbox.clientId -ClientSecret $clientSecret `
    -ApiUrl $Sandbox.apiUrl -AuthUrl $Sandbox.authUrl
Get-AqueraPingOneContext | Format-List | Out-Host

Write-Step 2 'Create an Aquera connection with a bearer token; PingOne tests it before saving'
$bearerToken = ConvertTo-SecureString -String $Sandbox.scimBearerToken -AsPlainText -Force
$connection = New-AqueraConnection -Name 'Aquera (demo)' -Description 'Created by docs/examples/Demo.ps1' `
    -ScimUrl $Sandbox.scimUrl -BearerToken $bearerToken -AllowCreate -AllowUpdate -AllowDisable -RemoveAction Disable
Write-Host "Created connection '$($connection.Name)' with id $($connection.Id)."

Write-Step 3 'Test the saved connection (the console''s Test Connection button)'
$connection | Test-AqueraConnection | Format-Table -AutoSize | Out-Host

Write-Step 4 'Enable it (the console''s enable toggle); enabling tests it again first'
$connection = $connection | Set-AqueraConnectionState -State Enabled -PassThru
Write-Host "Enabled: $($connection.Enabled)"

Write-Step 5 'List the Aquera connections in the environment'
Get-AqueraConnection | Format-Table -AutoSize | Out-Host

Write-Step 6 'Show the new connection'
Get-AqueraConnection -Id $connection.Id | Format-List | Out-Host

Disconnect-AqueraPingOne
