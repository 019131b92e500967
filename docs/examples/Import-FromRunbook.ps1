<#
.SYNOPSIS
Applies a configuration file from source control to a PingOne environment unattended (an Azure Automation
runbook, a CI job), with the Aquera secrets in environment variables.

.DESCRIPTION
Everything comes from the environment: the worker application (PINGONE_ENVIRONMENT_ID, PINGONE_CLIENT_ID,
PINGONE_CLIENT_SECRET, PINGONE_REGION, read by Connect-AqueraPingOne with no parameters) and each connection's
secret, in the variable its env: reference names (AQUERA_SECRET_<NAME> by default). Nothing prompts: the deletes of
-Prune are confirmed by -Confirm:$false. The import checks the file, the names it refers to and every secret it
needs before it changes anything; an unchanged file sends no write and creates no revision, so the runbook can run
on a schedule. It exits 1 when the import failed or stopped early (a second run applies the rest), 0 otherwise,
and writes the steps it applied.

.PARAMETER Path
The configuration file in the checked-out repository.

.PARAMETER Prune
Delete what the file does not name.

.EXAMPLE
# In the pipeline's secret settings: PINGONE_CLIENT_SECRET, AQUERA_SECRET_HR, AQUERA_SECRET_PAYROLL
pwsh -File ./Import-FromRunbook.ps1 -Path ./config/aquera.psd1 -Prune
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string] $Path,
    [switch] $Prune
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Import-Module AqueraProvisioning

Connect-AqueraPingOne

try {
    # A failed step is a non-terminating error; -ErrorVariable keeps it for the exit code.
    $applied = @(Import-AqueraConfiguration -Path $Path -Prune:$Prune -Confirm:$false -PassThru -ErrorAction Continue -ErrorVariable failed)
}
catch {
    # The file, a name it refers to or a secret was wrong: nothing was changed.
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
}

$applied | Format-Table -AutoSize | Out-String -Width 200 | Write-Output
if ($failed) {
    Write-Output "The import stopped early: $($failed[0].Exception.Message)"
    exit 1
}
Write-Output "$($applied.Count) change(s) applied."
exit 0
