# Builds the solution and assembles out/AqueraProvisioning, the installable module folder: its manifest
# (generated from the root AqueraProvisioning.psd1), an explicit list of assemblies, the format file and the
# help built from docs/. The folder is wiped first, so nothing stale survives a build.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'HelpBuilder.psm1')

$script:ModuleName = 'AqueraProvisioning'

# Every assembly the module ships. The build fails if one is missing, and also if the cmdlet project's output
# holds an assembly that is on neither list, so a new dependency cannot slip in or go missing unnoticed.
# These are the netstandard2.0 closure of AqueraProvisioning.Core -> System.Net.Http.Json 8.0.x (checked against
# the build output: System.IO.Pipelines is not part of it on netstandard2.0).
$script:ShippedAssemblies = @(
    'AqueraProvisioning.dll'
    'AqueraProvisioning.Core.dll'
    'System.Net.Http.Json.dll'
    'System.Text.Json.dll'
    'System.Text.Encodings.Web.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Buffers.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Threading.Tasks.Extensions.dll'
)
# Never shipped: PowerShell brings its own. CopyLocalLockFileAssemblies copies PowerShellStandard.Library's
# reference System.Management.Automation.dll into the build output despite PrivateAssets=all.
$script:NeverShipped = @('System.Management.Automation.dll')

# The root manifest forwards to out/ (see the comment in it); the module folder's manifest loads the dll.
$script:RootEntryPattern = '(?ms)^[ \t]*# >>> repository-root entry point.*?^[ \t]*# <<<[ \t]*\r?\n'
$script:ModuleEntry = @"
    RootModule = '$script:ModuleName.dll'
    FormatsToProcess = @('$script:ModuleName.Format.ps1xml')

"@

function Get-ModuleVersion {
    <#
    .SYNOPSIS
    ModuleVersion from the root manifest: the one place the version is written.
    #>
    param([Parameter(Mandatory)][string] $RepoRoot)
    (Import-PowerShellDataFile -LiteralPath (Join-Path $RepoRoot "$script:ModuleName.psd1")).ModuleVersion
}

function Get-ModuleOutputPath {
    param([Parameter(Mandatory)][string] $RepoRoot)
    Join-Path $RepoRoot "out/$script:ModuleName"
}

function Invoke-DotNet {
    # Runs dotnet with the given arguments, streaming its output, and throws when it fails.
    param([Parameter(Mandatory)][string[]] $Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ProjectProperty {
    # Asks MSBuild rather than guessing bin/ paths, so output-layout settings cannot break the build script.
    param([string] $Project, [string] $Property, [string] $Configuration)
    $value = & dotnet msbuild $Project -nologo "-getProperty:$Property" "-p:Configuration=$Configuration"
    if ($LASTEXITCODE -ne 0) { throw "Could not read $Property of ${Project}: $value" }
    ($value -join '').Trim()
}

function Assert-InSolution {
    <#
    .SYNOPSIS
    Throws unless every given project (a path under RepoRoot) is in AqueraProvisioning.sln: the build only
    builds the solution, so a project outside it would be stale or missing.
    #>
    param([Parameter(Mandatory)][string] $RepoRoot, [Parameter(Mandatory)][string[]] $Project)
    $listed = & dotnet sln (Join-Path $RepoRoot "$script:ModuleName.sln") list
    if ($LASTEXITCODE -ne 0) { throw "dotnet sln list failed: $listed" }
    $inSolution = @($listed | ForEach-Object { $_.Trim().Replace('\', '/') })
    foreach ($path in $Project) {
        $relative = [System.IO.Path]::GetRelativePath($RepoRoot, (Join-Path $RepoRoot $path)).Replace('\', '/')
        if ($relative -notin $inSolution) { throw "$relative is not in $script:ModuleName.sln; add it with 'dotnet sln add $relative'." }
    }
}

function Invoke-SolutionBuild {
    <#
    .SYNOPSIS
    dotnet build of the solution with the manifest's version, then the module folder. Returns its path.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $RepoRoot, [string] $Configuration = 'Release')
    $version = Get-ModuleVersion -RepoRoot $RepoRoot
    Write-Host "Building $script:ModuleName $version ($Configuration)" -ForegroundColor Cyan
    Assert-InSolution -RepoRoot $RepoRoot -Project "src/$script:ModuleName/$script:ModuleName.csproj", "src/$script:ModuleName.Sandbox/$script:ModuleName.Sandbox.csproj"
    Invoke-DotNet @('build', (Join-Path $RepoRoot "$script:ModuleName.sln"), '-c', $Configuration, "-p:Version=$version", '-nologo')
    New-ModuleFolder -RepoRoot $RepoRoot -Configuration $Configuration
}

function New-ModuleFolder {
    <#
    .SYNOPSIS
    Assembles out/AqueraProvisioning from the build output and docs/. Returns the folder's path.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $RepoRoot, [string] $Configuration = 'Release')
    $project = Join-Path $RepoRoot "src/$script:ModuleName/$script:ModuleName.csproj"
    $binaries = Get-ProjectProperty -Project $project -Property 'TargetDir' -Configuration $Configuration
    $target = Get-ModuleOutputPath -RepoRoot $RepoRoot
    if (Test-Path -LiteralPath $target) { Remove-Item -LiteralPath $target -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $target

    Assert-BuildOutputAssemblies -Directory $binaries
    foreach ($assembly in $script:ShippedAssemblies) { Copy-Item -LiteralPath (Join-Path $binaries $assembly) -Destination $target }
    $format = Join-Path $binaries "$script:ModuleName.Format.ps1xml"
    if (-not (Test-Path -LiteralPath $format)) { throw "The build output has no $script:ModuleName.Format.ps1xml ($binaries)." }
    Copy-Item -LiteralPath $format -Destination $target

    $help = Join-Path $target 'en-US'
    $null = ConvertTo-MamlHelp -DocsPath (Join-Path $RepoRoot 'docs') -OutputPath $help
    $null = ConvertTo-AboutHelp -DocsPath (Join-Path $RepoRoot 'docs') -OutputPath $help -ModuleName $script:ModuleName

    Write-ModuleManifest -RepoRoot $RepoRoot -Destination (Join-Path $target "$script:ModuleName.psd1")
    Write-Host "Module folder: $target" -ForegroundColor Green
    $target
}

function Assert-BuildOutputAssemblies {
    param([string] $Directory)
    $present = @(Get-ChildItem -LiteralPath $Directory -Filter '*.dll' -File | ForEach-Object Name)
    $missing = @($script:ShippedAssemblies | Where-Object { $_ -notin $present })
    if ($missing) { throw "The build output ($Directory) lacks assemblies the module ships: $($missing -join ', ')." }
    $unexpected = @($present | Where-Object { $_ -notin $script:ShippedAssemblies -and $_ -notin $script:NeverShipped })
    if ($unexpected) {
        throw "The build output ($Directory) has assemblies on neither list in .build/ModuleLayout.psm1: $($unexpected -join ', '). Add each to ShippedAssemblies (a new runtime dependency) or NeverShipped."
    }
}

function Write-ModuleManifest {
    <#
    .SYNOPSIS
    Writes the module folder's manifest: the root manifest with its repository-root entry block replaced by
    RootModule and FormatsToProcess relative to the module folder. Validated with Test-ModuleManifest.
    #>
    param([Parameter(Mandatory)][string] $RepoRoot, [Parameter(Mandatory)][string] $Destination)
    $source = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot "$script:ModuleName.psd1")
    if ($source -notmatch $script:RootEntryPattern) {
        throw "$script:ModuleName.psd1 lost its '# >>> repository-root entry point' ... '# <<<' block, which the build replaces."
    }
    $text = [regex]::Replace($source, $script:RootEntryPattern, $script:ModuleEntry.Replace('$', '$$'))
    [System.IO.File]::WriteAllText($Destination, $text, [System.Text.UTF8Encoding]::new($false))
    $null = Test-ModuleManifest -Path $Destination -ErrorAction Stop
}

Export-ModuleMember -Function Get-ModuleVersion, Get-ModuleOutputPath, Invoke-DotNet, Get-ProjectProperty, Assert-InSolution, Invoke-SolutionBuild, New-ModuleFolder
