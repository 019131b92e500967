<#
.SYNOPSIS
Walks the PingOne admin console's flow with the AqueraProvisioning cmdlets, from a new Aquera connection to
users provisioned into Aquera.

.DESCRIPTION
Connects to PingOne with a worker application, creates an Aquera connection that authenticates with a bearer
token (PingOne tests the connection before it is saved), tests and enables it, then creates an outbound rule for
the Default population with the default attribute mappings, enables it, and shows the users arriving in Aquera.
Last, it disables one user in PingOne and shows that user disabled in Aquera.

Each step prints the command it runs, so it can be copied. Two kinds of call are not the module's: the
sandbox's control API (under /__sandbox), used only to wait for its provisioning engine and to show what its
fake Aquera service holds, and PingOne's Users API, called directly to disable a user as an admin would in the
console. The output says which is which.

`build.ps1 -Task Demo` runs it against the local sandbox and passes -Sandbox for you. To run it by hand, start
the sandbox with `build.ps1 -Task Sandbox` and pass the values it prints, or the JSON line it writes.

.PARAMETER Sandbox
The sandbox's ready information (baseUrl, apiUrl, authUrl, scimUrl, controlUrl, environmentId, clientId,
clientSecret, scimBearerToken, ...): an object or its JSON text.

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

function Write-Note([string] $Text) { Write-Host $Text -ForegroundColor DarkGray }

function Write-Wrapped([string] $Text) {
    # Long text wrapped at word boundaries, indented, so it reads in an 80-column console.
    $line = ' '
    foreach ($word in $Text -split ' ') {
        if (($line + ' ' + $word).Length -gt 78) { Write-Host $line; $line = ' ' }
        $line += ' ' + $word
    }
    Write-Host $line
}

function Invoke-Step {
    # Prints the command as it would be typed at the prompt (with the variable it sets), then runs it and shows
    # what it wrote. The result of an assignment goes into that script variable instead of the console.
    param([Parameter(Mandatory, Position = 0)][scriptblock] $Command, [string] $Assign)
    $lines = @($Command.ToString().Trim("`r", "`n") -split '\r?\n' | Where-Object { $_.Trim() })
    $indent = ($lines | ForEach-Object { $_.Length - $_.TrimStart().Length } | Measure-Object -Minimum).Minimum
    $prefix = if ($Assign) { "`$$Assign = " } else { '' }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $text = $lines[$i].Substring([Math]::Min($indent, $lines[$i].Length))
        Write-Host ($(if ($i -eq 0) { 'PS> ' + $prefix } else { '>>  ' }) + $text.TrimEnd()) -ForegroundColor Yellow
    }
    $result = & $Command
    if ($Assign) { Set-Variable -Scope Script -Name $Assign -Value $result }
    elseif ($null -ne $result) { $result | Out-Host }
}

Import-Module $ModulePath
Write-Host "AqueraProvisioning $((Get-Module AqueraProvisioning).Version) against the local sandbox at $($Sandbox.baseUrl)"

Write-Step 1 'Connect to PingOne with a worker application (client id + secret)'
Invoke-Step -Assign clientSecret {
    ConvertTo-SecureString -String $Sandbox.clientSecret `
        -AsPlainText -Force
}
Invoke-Step {
    Connect-AqueraPingOne -EnvironmentId $Sandbox.environmentId `
        -ClientId $Sandbox.clientId -ClientSecret $clientSecret `
        -ApiUrl $Sandbox.apiUrl -AuthUrl $Sandbox.authUrl
}
Invoke-Step {
    Get-AqueraPingOneContext |
        Format-List EnvironmentId, ApiUrl, ClientId, TokenExpiresAt
}

Write-Step 2 'Create an Aquera connection with a bearer token; PingOne tests it first'
Invoke-Step -Assign bearerToken {
    ConvertTo-SecureString -String $Sandbox.scimBearerToken `
        -AsPlainText -Force
}
Invoke-Step -Assign connection {
    New-AqueraConnection -Name 'Aquera (demo)' `
        -Description 'Created by Demo.ps1' `
        -ScimUrl $Sandbox.scimUrl -BearerToken $bearerToken `
        -AllowCreate -AllowUpdate -AllowDisable -RemoveAction Disable
}
Write-Host "Created connection '$($connection.Name)' with id $($connection.Id)."

Write-Step 3 'Test the saved connection (the console''s Test Connection button)'
Invoke-Step { $connection | Test-AqueraConnection }

Write-Step 4 'Enable it (the console''s enable toggle); enabling tests it again'
Invoke-Step -Assign connection {
    $connection |
        Set-AqueraConnectionState -State Enabled -PassThru
}
Write-Host "Enabled: $($connection.Enabled)"

Write-Step 5 'List the Aquera connections in the environment'
Invoke-Step { Get-AqueraConnection }

Write-Step 6 'Show the new connection'
Invoke-Step {
    Get-AqueraConnection -Id $connection.Id |
        Format-List Name, Id, ScimUrl, Enabled, Allow*, RemoveAction
}

Write-Step 7 'Create an outbound rule: Default population, default mappings, enabled'
Write-Note 'The environment''s plan and PingOne directory store: reused, or made once.'
Invoke-Step -Assign rule {
    New-AqueraProvisioningRule -Name 'Default users to Aquera' `
        -Connection $connection -Population Default -State Enabled
}
Invoke-Step { $rule | Format-Table }

Write-Step 8 'The rule''s attribute mappings (PingOne attribute -> Aquera attribute)'
Invoke-Step { Get-AqueraAttributeMapping -Rule $rule }

Write-Step 9 'Wait for PingOne to provision the users'
Write-Note 'Sandbox control API, not PingOne: wait until its provisioning engine is idle.'
Invoke-Step -Assign control { $Sandbox.controlUrl }
Invoke-Step { $null = Invoke-RestMethod -Method Post -Uri "$control/engine/wait" }
Invoke-Step {
    Get-AqueraConnection -Id $connection.Id |
        Format-List Name, SyncState, LastSyncAt,
            UserTotal, SuccessCount, FailedCount
}

Write-Step 10 'The users arrived in Aquera'
Write-Note 'Sandbox control API, not PingOne: what the fake Aquera SCIM service now holds.'
Invoke-Step -Assign held { (Invoke-RestMethod -Uri "$control/scim/users").Resources }
Write-Host "Aquera now holds $(@($held).Count) users:"
Invoke-Step {
    $held | Format-Table userName,
        @{ n = 'givenName'; e = { $_.name.givenName } },
        @{ n = 'familyName'; e = { $_.name.familyName } },
        @{ n = 'email'; e = { $_.emails.value } }, active
}

Write-Step 11 'Why did a user (not) reach Aquera? PingOne''s sync record per rule'
Invoke-Step -Assign status {
    Get-AqueraUserProvisioningStatus -User dave.diaz, erin.evans
}
Invoke-Step { $status | Format-Table User, Rule, Status }
Write-Host 'The Explanation of erin.evans:'
Write-Wrapped $status[1].Explanation

Write-Step 12 'Disable dave.diaz in PingOne, as an admin does in the console'
Write-Note 'PingOne''s Users API, called directly (the module does not manage users).'
Invoke-Step -Assign token {
    (Invoke-RestMethod -Method Post `
        -Uri "$($Sandbox.authUrl)/$($Sandbox.environmentId)/as/token" -Body @{
            grant_type = 'client_credentials'
            client_id = $Sandbox.clientId
            client_secret = $Sandbox.clientSecret
        }).access_token
}
Invoke-Step -Assign users {
    "$($Sandbox.apiUrl)/environments/$($Sandbox.environmentId)/users"
}
Invoke-Step -Assign dave {
    (Invoke-RestMethod -Uri "$users`?filter=username eq `"dave.diaz`"" `
        -Headers @{ Authorization = "Bearer $token" })._embedded.users[0]
}
Invoke-Step {
    $null = Invoke-RestMethod -Method Put -Uri "$users/$($dave.id)/enabled" `
        -Headers @{ Authorization = "Bearer $token" } `
        -ContentType 'application/json' -Body '{"enabled": false}'
}

Write-Step 13 'PingOne disables the user in Aquera within a second'
Write-Note 'Sandbox control API, not PingOne: wait, then read what Aquera holds.'
Invoke-Step { $null = Invoke-RestMethod -Method Post -Uri "$control/engine/wait" }
Invoke-Step -Assign held { (Invoke-RestMethod -Uri "$control/scim/users").Resources }
Invoke-Step { $held | Format-Table userName, active }
$daveInAquera = $held | Where-Object userName -EQ 'dave.diaz'
if ($daveInAquera.active -ne $false) { throw 'dave.diaz should be disabled in Aquera by now.' }
Write-Host 'dave.diaz is disabled in Aquera; the other users stay active.'

Disconnect-AqueraPingOne
