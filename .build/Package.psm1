# Packs the module folder into a PowerShell module .nupkg with PSResourceGet (in the box in pwsh 7.4+), by
# publishing it to a file-system repository that points at the package folder.
Set-StrictMode -Version Latest

function Use-LocalPSResourceRepository {
    <#
    .SYNOPSIS
    Registers a file-system PSResource repository at Path under a unique name, runs Script with the name as
    its argument and always unregisters it again, so the user's repository list is left as it was.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][scriptblock] $Script)
    $null = New-Item -ItemType Directory -Force -Path $Path
    $name = 'AqueraLocal' + [guid]::NewGuid().ToString('n').Substring(0, 8)
    Register-PSResourceRepository -Name $name -Uri ([System.IO.Path]::GetFullPath($Path)) -Trusted
    try { & $Script $name }
    finally { Unregister-PSResourceRepository -Name $name }
}

function New-ModulePackage {
    <#
    .SYNOPSIS
    Writes <OutputPath>/<Module>.<version>.nupkg from ModulePath (a built module folder) and checks that its
    payload is exactly the folder's files. Returns the package file.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $ModulePath, [Parameter(Mandatory)][string] $OutputPath)
    $manifest = Get-ChildItem -LiteralPath $ModulePath -Filter '*.psd1' -File | Select-Object -First 1
    if (-not $manifest) { throw "No module manifest in '$ModulePath'; build the module first." }
    $name = $manifest.BaseName
    $version = (Import-PowerShellDataFile -LiteralPath $manifest.FullName).ModuleVersion
    if (Test-Path -LiteralPath $OutputPath) { Remove-Item -LiteralPath $OutputPath -Recurse -Force }
    Use-LocalPSResourceRepository -Path $OutputPath -Script {
        param($repository)
        Publish-PSResource -Path $ModulePath -Repository $repository
    }
    $package = Get-Item -LiteralPath (Join-Path $OutputPath "$name.$version.nupkg")
    Assert-PackagePayload -Package $package.FullName -ModulePath $ModulePath -Name $name
    Write-Host "Package: $($package.FullName)" -ForegroundColor Green
    $package
}

function Get-PackagePayload {
    <#
    .SYNOPSIS
    The module files inside a .nupkg: every entry except the NuGet/OPC bookkeeping (nuspec, _rels/,
    package/, [Content_Types].xml).
    #>
    param([Parameter(Mandatory)][string] $Package)
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
    try {
        $zip.Entries | ForEach-Object { [Uri]::UnescapeDataString($_.FullName) } |
            Where-Object { $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|[^/]+\.nuspec$)' } | Sort-Object
    }
    finally { $zip.Dispose() }
}

function Assert-PackagePayload {
    param([string] $Package, [string] $ModulePath, [string] $Name)
    $root = (Resolve-Path -LiteralPath $ModulePath).ProviderPath.TrimEnd('/', '\') + [System.IO.Path]::DirectorySeparatorChar
    $expected = Get-ChildItem -LiteralPath $ModulePath -Recurse -File | ForEach-Object { $_.FullName.Substring($root.Length).Replace('\', '/') } | Sort-Object
    $actual = Get-PackagePayload -Package $Package
    $difference = Compare-Object @($expected) @($actual)
    if ($difference) {
        throw "The package $Package does not hold exactly the module folder's files: $(($difference | ForEach-Object { "$($_.SideIndicator) $($_.InputObject)" }) -join '; ')"
    }
}

Export-ModuleMember -Function Use-LocalPSResourceRepository, New-ModulePackage, Get-PackagePayload
