# Runs in a fresh pwsh started by build.ps1 -Task Test: imports the given Pester, runs the test files and writes
# the counts to ResultJson for the parent, which sums them with xunit's. Exit code 0 unless Pester itself broke;
# the parent judges the counts.
param(
    [Parameter(Mandatory)][string] $PesterManifest,
    [Parameter(Mandatory)][string[]] $TestPath,
    [Parameter(Mandatory)][string] $ResultJson,
    [string] $NUnitXml
)
# No Set-StrictMode here: it would leak into every test file's scope; each file chooses for itself.
$ErrorActionPreference = 'Stop'

Import-Module -Name $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ($NUnitXml) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $NUnitXml
}
$run = Invoke-Pester -Configuration $configuration

# A failed BeforeAll or a test file that does not parse leaves its tests unrun, not failed: count those too.
$failedNames = @(
    $run.Failed | ForEach-Object { $_.ExpandedPath }
    $run.FailedBlocks | ForEach-Object { "$($_.ExpandedPath) (setup or teardown failed)" }
    $run.FailedContainers | ForEach-Object { "$($_.Item) (the file failed to run)" }
)
[ordered]@{
    passed = $run.PassedCount
    failed = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
    skipped = $run.SkippedCount + $run.NotRunCount
    failedNames = $failedNames
} | ConvertTo-Json | Set-Content -LiteralPath $ResultJson -Encoding utf8
