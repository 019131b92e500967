<#
.SYNOPSIS
Promotes the Aquera provisioning set-up of a test environment to production: export from test, show the plan
against production, and import it after a confirmation.

.DESCRIPTION
Connects to the test environment and exports its Aquera connections, outbound rules and attribute mappings to a
configuration file (no ids, no timestamps, no secrets: each connection names its secret, by default
env:AQUERA_SECRET_<NAME>). Then it connects to production, shows what importing the file would change, and,
once the plan is confirmed, imports it with one propagation revision. With -Prune production loses what the file
does not name; each delete asks again.

The secrets come from -Secret (SecureStrings or PSCredentials keyed by the reference's name) or from the
environment variables the file names. Commit the file to source control between the two halves if the promotion
goes through review.

.PARAMETER Test
Connect-AqueraPingOne parameters for the test environment (EnvironmentId, ClientId, ClientSecret, Region, ...).

.PARAMETER Production
Connect-AqueraPingOne parameters for production.

.PARAMETER Path
The configuration file to write and import: .psd1 (the default) or .json.

.PARAMETER Secret
The connections' secrets for production, keyed by the names their references give.

.PARAMETER Prune
Also delete from production what the file does not name.

.EXAMPLE
$test = @{ EnvironmentId = $testId; ClientId = $clientId; ClientSecret = $clientSecret; Region = 'EU' }
$prod = @{ EnvironmentId = $prodId; ClientId = $clientId; ClientSecret = $clientSecret; Region = 'EU' }
./Promote-Configuration.ps1 -Test $test -Production $prod -Secret @{ AQUERA_SECRET_HR = (Read-Host -AsSecureString 'HR token') }
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)][hashtable] $Test,
    [Parameter(Mandatory)][hashtable] $Production,
    [string] $Path = './aquera.psd1',
    [hashtable] $Secret = @{},
    [switch] $Prune
)
$ErrorActionPreference = 'Stop'
Import-Module AqueraProvisioning

Write-Host "Exporting the test environment to $Path" -ForegroundColor Cyan
Connect-AqueraPingOne @Test
Export-AqueraConfiguration -Path $Path

Write-Host 'What importing it into production would change:' -ForegroundColor Cyan
Connect-AqueraPingOne @Production
$plan = @(Compare-AqueraConfiguration -Path $Path -Prune:$Prune)
$changes = @($plan | Where-Object Action -NE 'Unchanged')
$plan | Format-Table | Out-Host
if ($changes.Count -eq 0) {
    Write-Host 'Production already matches the test environment.' -ForegroundColor Green
    return
}

if ($PSCmdlet.ShouldProcess("production ($($Production.EnvironmentId))", "Apply $($changes.Count) change(s)")) {
    $applied = @(Import-AqueraConfiguration -Path $Path -Secret $Secret -Prune:$Prune -PassThru -ErrorVariable failed)
    Write-Host "$($applied.Count) of $($changes.Count) change(s) applied." -ForegroundColor Green
    if ($failed) { Write-Warning 'The import stopped early (see the error); running this script again applies the rest.' }
}
