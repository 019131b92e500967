<#
.SYNOPSIS
Builds, tests, demonstrates and packages AqueraProvisioning. Run it with the repository's pwsh:
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task <Task>

.DESCRIPTION
Build    (default) dotnet build of the solution with ModuleVersion from AqueraProvisioning.psd1, then the
         installable module folder out/AqueraProvisioning (manifest, assemblies, format, help from docs/).
         Afterwards `Import-Module ./AqueraProvisioning.psd1` from the repository root loads it.
Test     Build and Package, install the third-party SCIM server (npm ci of tests/ScimServer into
         .tools/scim-server; needs Node.js 18+ and npm), then every tests/**/*.Tests.csproj (xunit) and
         tests/Pester/*.Tests.ps1 (Pester 6, in a fresh pwsh, against the built module and the sandbox). Ends
         with the line 'N passed, N failed' and exits 1 if anything failed or nothing ran.
Sandbox  Runs the local PingOne + Aquera SCIM sandbox in the foreground on a free loopback port and prints
         its URLs and demo credentials; Ctrl+C stops it.
Demo     Starts the sandbox and runs docs/examples/Demo.ps1 against it in a fresh pwsh; the sandbox is always
         stopped. The exit code is the demo's.
Package  Build, then out/package/AqueraProvisioning.<version>.nupkg (a PowerShell module package).
Bench    Build, then the benchmarks (.build/Bench.ps1): the module beside Invoke-RestMethod and a reused
         HttpClient against the sandbox, and Core's BenchmarkDotNet micro-benchmarks; prints the table and
         writes docs/performance.md.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Sandbox', 'Demo', 'Package', 'Bench')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = $PSScriptRoot
foreach ($helper in 'ModuleLayout', 'Package', 'SandboxProcess', 'ScimServerProcess', 'TestRunner', 'PwshProcess') {
    Import-Module (Join-Path $RepoRoot ".build/$helper.psm1") -Force
}
$OutPath = Join-Path $RepoRoot 'out'
$PackagePath = Join-Path $OutPath 'package'

function Invoke-BuildTask {
    $null = Invoke-SolutionBuild -RepoRoot $RepoRoot -Configuration $Configuration
}

function Invoke-PackageTask {
    $null = New-ModulePackage -ModulePath (Get-ModuleOutputPath -RepoRoot $RepoRoot) -OutputPath $PackagePath
}

function Get-SandboxAssemblyPath {
    Get-ProjectProperty -Project (Join-Path $RepoRoot 'src/AqueraProvisioning.Sandbox/AqueraProvisioning.Sandbox.csproj') -Property 'TargetPath' -Configuration $Configuration
}

function Invoke-TestTask {
    $suites = [System.Collections.Generic.List[object]]::new()
    try {
        Invoke-BuildTask
        Invoke-PackageTask
        $results = Join-Path $OutPath 'TestResults'
        if (Test-Path -LiteralPath $results) { Remove-Item -LiteralPath $results -Recurse -Force }
        $null = New-Item -ItemType Directory -Path $results
        # Once per run, from the committed lockfile, before any suite that starts it; xunit and Pester find it
        # through the variable.
        $env:AQUERA_SCIM_SERVER_PATH = Install-ScimServer -Path (Join-Path $RepoRoot '.tools/scim-server') -Force

        foreach ($project in Get-XunitProject -RepoRoot $RepoRoot) {
            $suites.Add((Invoke-XunitProject -Project $project -ResultsDirectory $results -Configuration $Configuration))
        }
        $pester = Install-Pester -ToolsPath (Join-Path $RepoRoot '.tools')
        $suites.Add((Invoke-PesterSuite -PesterManifest $pester -TestPath (Join-Path $RepoRoot 'tests/Pester') -ResultsDirectory $results -Environment @{
                    AQUERA_MODULE_PATH = Join-Path (Get-ModuleOutputPath -RepoRoot $RepoRoot) 'AqueraProvisioning.psd1'
                    AQUERA_SANDBOX_PATH = Get-SandboxAssemblyPath
                    AQUERA_PACKAGE_PATH = $PackagePath
                    AQUERA_SANDBOX_LOGS = Join-Path $results 'sandbox'
                }))
    }
    catch {
        # A broken build or runner still ends with the closing line, counted as one failure.
        Write-Host "Test task error: $($_.Exception.Message)" -ForegroundColor Red
        Write-Host ($_.ScriptStackTrace) -ForegroundColor DarkGray
        $suites.Add((New-SuiteResult -Name 'Test task' -Failed 1 -FailedNames "Test task: $($_.Exception.Message)"))
    }
    exit (Write-TestSummary -Suites $suites)
}

function Invoke-SandboxTask {
    Invoke-BuildTask
    $sandbox = Start-AqueraSandbox -Path (Get-SandboxAssemblyPath)
    try {
        Write-Host "`nAqueraProvisioning sandbox (local PingOne + Aquera SCIM stand-in) is running." -ForegroundColor Green
        Write-Host ("{0,-22}{1}" -f 'Base URL', $sandbox.baseUrl)
        Write-Host ("{0,-22}{1}" -f 'PingOne API URL', $sandbox.apiUrl)
        Write-Host ("{0,-22}{1}" -f 'PingOne auth URL', $sandbox.authUrl)
        Write-Host ("{0,-22}{1}" -f 'Aquera SCIM URL', $sandbox.scimUrl)
        Write-Host ("{0,-22}{1}  (a GET lists the knobs and their values)" -f 'Control API URL', $sandbox.controlUrl)
        Write-Host "`nDemo credentials (they only work against this sandbox):" -ForegroundColor Green
        Write-Host ("{0,-22}{1}" -f 'Environment id', $sandbox.environmentId)
        Write-Host ("{0,-22}{1}" -f 'Client id', $sandbox.clientId)
        Write-Host ("{0,-22}{1}" -f 'Client secret', $sandbox.clientSecret)
        Write-Host ("{0,-22}{1}" -f 'SCIM bearer token', $sandbox.scimBearerToken)
        Write-Host ("{0,-22}{1} / {2}" -f 'SCIM Basic user', $sandbox.scimUser, $sandbox.scimPassword)
        Write-Host "`nIn another shell:" -ForegroundColor Green
        Write-Host '    Import-Module ./AqueraProvisioning.psd1'
        Write-Host ("    Connect-AqueraPingOne -EnvironmentId '{0}' -ClientId '{1}' ``" -f $sandbox.environmentId, $sandbox.clientId)
        Write-Host ("        -ClientSecret (ConvertTo-SecureString '{0}' -AsPlainText -Force) ``" -f $sandbox.clientSecret)
        Write-Host ("        -ApiUrl '{0}' -AuthUrl '{1}'" -f $sandbox.apiUrl, $sandbox.authUrl)
        Write-Host "`nPress Ctrl+C to stop." -ForegroundColor Yellow
        while (-not $sandbox.Process.HasExited) { Start-Sleep -Milliseconds 500 }
        Write-Host "The sandbox exited with code $($sandbox.Process.ExitCode)." -ForegroundColor Red
        exit 1
    }
    finally { Stop-AqueraSandbox -Sandbox $sandbox }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $sandbox = Start-AqueraSandbox -Path (Get-SandboxAssemblyPath)
    $finished = $false
    try {
        $info = $sandbox | Select-Object -Property * -ExcludeProperty Process, StdoutLog, StderrLog, KeepLogs, Streams, Copies
        $exitCode = Invoke-FreshPwsh -File (Join-Path $RepoRoot 'docs/examples/Demo.ps1') -ArgumentList @(
            '-Sandbox', ($info | ConvertTo-Json -Compress),
            '-ModulePath', (Join-Path (Get-ModuleOutputPath -RepoRoot $RepoRoot) 'AqueraProvisioning.psd1'))
        $finished = $true
    }
    finally {
        Stop-AqueraSandbox -Sandbox $sandbox
        # Ctrl+C stops this script without reaching 'exit' below; a stopped demo must not look like a passed one.
        if (-not $finished) {
            Write-Host "`nDemo stopped before it finished." -ForegroundColor Red
            [Environment]::Exit(130)
        }
    }
    if ($exitCode -eq 0) { Write-Host "`nDemo finished." -ForegroundColor Green } else { Write-Host "`nDemo failed (exit code $exitCode)." -ForegroundColor Red }
    exit $exitCode
}

function Invoke-BenchTask {
    $bench = Join-Path $RepoRoot '.build/Bench.ps1'
    if (-not (Test-Path -LiteralPath $bench)) {
        Write-Host 'The Bench task is not implemented yet: .build/Bench.ps1 does not exist.' -ForegroundColor Red
        exit 1
    }
    Invoke-BuildTask
    & $bench -RepoRoot $RepoRoot -Configuration $Configuration
    exit $LASTEXITCODE
}

switch ($Task) {
    'Build' { Invoke-BuildTask }
    'Package' { Invoke-BuildTask; Invoke-PackageTask }
    'Test' { Invoke-TestTask }
    'Sandbox' { Invoke-SandboxTask }
    'Demo' { Invoke-DemoTask }
    'Bench' { Invoke-BenchTask }
}
