# The Test task's runners: every xunit project (counted from its TRX file) and Pester 6 in a fresh pwsh
# (counted from the JSON file its runner script writes). Each returns suite results of one shape:
#   Name, Passed, Failed, Skipped, FailedNames
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'PwshProcess.psm1')
Import-Module (Join-Path $PSScriptRoot 'ModuleLayout.psm1')

$script:PesterVersion = '6.2.0'
$script:NuGetRepositoryName = 'AqueraProvisioningNuGet'
$script:NuGetUri = 'https://api.nuget.org/v3/index.json'

function New-SuiteResult {
    param([string] $Name, [int] $Passed = 0, [int] $Failed = 0, [int] $Skipped = 0, [string[]] $FailedNames = @())
    [pscustomobject]@{ Name = $Name; Passed = $Passed; Failed = $Failed; Skipped = $Skipped; FailedNames = @($FailedNames) }
}

function Get-XunitProject {
    <#
    .SYNOPSIS
    Every tests/**/*.Tests.csproj. Throws if one is missing from the solution, since the Test task runs them
    with --no-build after building the solution.
    #>
    param([Parameter(Mandatory)][string] $RepoRoot)
    $projects = @(Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'tests') -Recurse -Filter '*.Tests.csproj' -File | Sort-Object FullName)
    if ($projects.Count -eq 0) { return }
    Assert-InSolution -RepoRoot $RepoRoot -Project @($projects | ForEach-Object { [System.IO.Path]::GetRelativePath($RepoRoot, $_.FullName) })
    $projects
}

function Invoke-XunitProject {
    <#
    .SYNOPSIS
    Runs one test project (already built) with a TRX logger into ResultsDirectory and returns its counts.
    A run that fails without a failed test in its TRX (a crash, a missing build) counts as one failure.
    #>
    param([Parameter(Mandatory)][System.IO.FileInfo] $Project, [Parameter(Mandatory)][string] $ResultsDirectory, [string] $Configuration = 'Release')
    $name = $Project.BaseName
    $trx = Join-Path $ResultsDirectory "$name.trx"
    Write-Host "`n== xunit: $name" -ForegroundColor Cyan
    & dotnet test $Project.FullName -c $Configuration --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory $ResultsDirectory | Out-Host
    $exitCode = $LASTEXITCODE
    $result = if (Test-Path -LiteralPath $trx) { Read-TrxResult -Path $trx -Name $name } else { New-SuiteResult -Name $name }
    if ($exitCode -ne 0 -and $result.Failed -eq 0) {
        $result.Failed = 1
        $result.FailedNames = @("$name (dotnet test exited with code $exitCode)")
    }
    $result
}

function Read-TrxResult {
    param([string] $Path, [string] $Name)
    [xml] $xml = Get-Content -Raw -LiteralPath $Path
    $ns = @{ t = 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010' }
    $counters = (Select-Xml -Xml $xml -XPath '//t:ResultSummary/t:Counters' -Namespace $ns).Node
    $failed = @(Select-Xml -Xml $xml -XPath "//t:UnitTestResult[@outcome='Failed']" -Namespace $ns | ForEach-Object { "$Name :: $($_.Node.testName)" })
    # Skipped xunit facts show up as NotExecuted results while Counters.notExecuted stays 0.
    $notExecuted = @(Select-Xml -Xml $xml -XPath "//t:UnitTestResult[@outcome='NotExecuted']" -Namespace $ns).Count
    New-SuiteResult -Name $Name -Passed ([int]$counters.passed) -Failed ([int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted) -Skipped $notExecuted -FailedNames $failed
}

function Install-Pester {
    <#
    .SYNOPSIS
    Makes Pester 6.2.0 available under ToolsPath (saved from NuGet with PSResourceGet when it is not there
    yet) and returns the path of its Pester.psd1. The NuGet package keeps the module in its tools/ folder.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ToolsPath)
    $find = { Get-ChildItem -LiteralPath $ToolsPath -Recurse -Filter 'Pester.psd1' -File -ErrorAction SilentlyContinue |
            Where-Object { (Import-PowerShellDataFile -LiteralPath $_.FullName).ModuleVersion -eq $script:PesterVersion } | Select-Object -First 1 }
    $null = New-Item -ItemType Directory -Force -Path $ToolsPath
    $manifest = & $find
    if (-not $manifest) {
        Write-Host "Saving Pester $script:PesterVersion from NuGet into $ToolsPath" -ForegroundColor Cyan
        # The repository is registered only for this download and removed again, so the build leaves no trace
        # in the user's PSResourceGet settings; one the user registered under that name is left alone.
        $registered = $false
        if (-not (Get-PSResourceRepository -Name $script:NuGetRepositoryName -ErrorAction SilentlyContinue)) {
            Register-PSResourceRepository -Name $script:NuGetRepositoryName -Uri $script:NuGetUri -Trusted
            $registered = $true
        }
        try {
            Save-PSResource -Name Pester -Version $script:PesterVersion -Repository $script:NuGetRepositoryName -Path $ToolsPath -TrustRepository
        }
        finally {
            if ($registered) { Unregister-PSResourceRepository -Name $script:NuGetRepositoryName }
        }
        $manifest = & $find
        if (-not $manifest) { throw "Saved Pester $script:PesterVersion into $ToolsPath but found no Pester.psd1 of that version there." }
    }
    $manifest.FullName
}

function Invoke-PesterSuite {
    <#
    .SYNOPSIS
    Runs Pester over TestPath in a fresh pwsh (.build/RunPester.ps1) with Environment set for it, and returns
    its counts. Failed setup blocks and test files count as failures; a runner that writes no result counts
    as one failure.
    #>
    param(
        [Parameter(Mandatory)][string] $PesterManifest,
        [Parameter(Mandatory)][string] $TestPath,
        [Parameter(Mandatory)][string] $ResultsDirectory,
        [hashtable] $Environment = @{}
    )
    Write-Host "`n== Pester $script:PesterVersion (fresh pwsh): $TestPath" -ForegroundColor Cyan
    $json = Join-Path $ResultsDirectory 'pester.json'
    Remove-Item -LiteralPath $json -ErrorAction SilentlyContinue
    $exitCode = Invoke-FreshPwsh -File (Join-Path $PSScriptRoot 'RunPester.ps1') -Environment $Environment -ArgumentList @(
        '-PesterManifest', $PesterManifest, '-TestPath', $TestPath, '-ResultJson', $json, '-NUnitXml', (Join-Path $ResultsDirectory 'pester.xml'))
    if (-not (Test-Path -LiteralPath $json)) { return New-SuiteResult -Name 'Pester' -Failed 1 -FailedNames "Pester (the runner exited with code $exitCode and wrote no result)" }
    $r = Get-Content -Raw -LiteralPath $json | ConvertFrom-Json
    New-SuiteResult -Name 'Pester' -Passed $r.passed -Failed $r.failed -Skipped $r.skipped -FailedNames @($r.failedNames)
}

function Write-TestSummary {
    <#
    .SYNOPSIS
    Prints each suite's counts, then the failed tests, then the closing line 'N passed, N failed' as the
    very last line. Returns the exit code: 1 when anything failed or nothing ran, else 0.
    #>
    param([Parameter(Mandatory)][AllowEmptyCollection()][object[]] $Suites)
    Write-Host "`n== Test summary" -ForegroundColor Cyan
    foreach ($suite in $Suites) { Write-Host ("{0,-40} {1,5} passed, {2,3} failed, {3,3} skipped" -f $suite.Name, $suite.Passed, $suite.Failed, $suite.Skipped) }
    $passed = [int]($Suites | Measure-Object -Property Passed -Sum).Sum
    $failed = [int]($Suites | Measure-Object -Property Failed -Sum).Sum
    $failedNames = @($Suites | ForEach-Object { $_.FailedNames })
    if ($failedNames) {
        Write-Host "`nFailed:" -ForegroundColor Red
        foreach ($name in $failedNames) { Write-Host "  $name" -ForegroundColor Red }
    }
    if ($passed + $failed -eq 0) { Write-Host 'No test ran.' -ForegroundColor Red }
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { 1 } else { 0 }
}

Export-ModuleMember -Function New-SuiteResult, Get-XunitProject, Invoke-XunitProject, Install-Pester, Invoke-PesterSuite, Write-TestSummary
