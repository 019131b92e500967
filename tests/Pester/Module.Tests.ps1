# The module as users get it: manifests, the built folder, import in a fresh pwsh, Get-Help for every cmdlet,
# docs that match the cmdlets' parameters, and the package installed from a local PSResource repository.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) '.build/HelpBuilder.psm1') -Force
    $manifest = Import-PowerShellDataFile -LiteralPath (Get-ModuleUnderTestPath)
    $cmdlets = @($manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    $pages = @(Get-CommandHelpPage -DocsPath (Join-Path (Get-RepoRoot) 'docs') | ForEach-Object { @{ Page = $_.Name; Path = $_.FullName } })
    $topics = @(Get-AboutTopicPage -DocsPath (Join-Path (Get-RepoRoot) 'docs') | ForEach-Object { @{ Topic = $_.BaseName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) '.build/HelpBuilder.psm1') -Force
    Import-Module (Join-Path (Get-RepoRoot) '.build/Package.psm1') -Force
    $script:RepoRoot = Get-RepoRoot
    $script:BuiltManifestPath = Get-ModuleUnderTestPath
    $script:ModuleFolder = Split-Path -Parent $script:BuiltManifestPath
    $script:RootManifestPath = Join-Path $script:RepoRoot 'AqueraProvisioning.psd1'
    $script:Manifest = Import-PowerShellDataFile -LiteralPath $script:BuiltManifestPath
    $script:Module = Import-ModuleUnderTest
    $script:CommonParameters = [System.Management.Automation.Cmdlet]::CommonParameters

    function Get-DocumentedCmdletParameter([string] $Cmdlet) {
        # What a docs page must describe: every parameter except the common ones (WhatIf/Confirm included).
        (Get-Command -Name $Cmdlet -Module AqueraProvisioning).Parameters.Keys | Where-Object { $_ -notin $script:CommonParameters } | Sort-Object
    }
}

Describe 'Manifests' {
    It 'the root manifest passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:RootManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'the built manifest passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $script:BuiltManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'the built manifest is the root one with the dll as RootModule and the same version' {
        $root = Import-PowerShellDataFile -LiteralPath $script:RootManifestPath
        $script:Manifest.ModuleVersion | Should -Be $root.ModuleVersion
        $script:Manifest.GUID | Should -Be $root.GUID
        $script:Manifest.RootModule | Should -Be 'AqueraProvisioning.dll'
        $script:Manifest.FormatsToProcess | Should -Be @('AqueraProvisioning.Format.ps1xml')
        $script:Manifest.Keys | Should -Not -Contain 'NestedModules'
        @($script:Manifest.CmdletsToExport) | Should -Be @($root.CmdletsToExport)
    }

    It 'exports cmdlets by name only: no wildcards, no functions, aliases or variables' {
        $script:Manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        $script:Manifest.CmdletsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $script:Manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            @($script:Manifest[$key]).Count | Should -Be 0 -Because "$key must be empty"
        }
    }

    It 'declares Desktop and Core on PowerShell 5.1 or later' {
        $script:Manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
        $script:Manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'carries the gallery metadata: tags, project and licence URIs, release notes' {
        $psData = $script:Manifest.PrivateData.PSData
        foreach ($tag in 'PingOne', 'Aquera', 'SCIM', 'Provisioning', 'PSEdition_Core', 'PSEdition_Desktop') { $psData.Tags | Should -Contain $tag }
        $psData.ProjectUri | Should -Match '^https://'
        $psData.LicenseUri | Should -Match '^https://'
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $script:Manifest.Description | Should -Not -BeNullOrEmpty
        $script:Manifest.Author | Should -Not -BeNullOrEmpty
    }
}

Describe 'The built module folder' {
    It 'holds the manifest, format file, MAML and about topics' {
        foreach ($file in 'AqueraProvisioning.psd1', 'AqueraProvisioning.Format.ps1xml', 'en-US/AqueraProvisioning.dll-Help.xml', 'en-US/about_AqueraProvisioning.help.txt') {
            Join-Path $script:ModuleFolder $file | Should -Exist
        }
    }

    It 'ships exactly one about topic for each docs/about_*.md' {
        $built = @(Get-ChildItem -LiteralPath (Join-Path $script:ModuleFolder 'en-US') -Filter 'about_*.help.txt' -File | ForEach-Object { $_.Name -replace '\.help\.txt$' } | Sort-Object)
        $written = @(Get-AboutTopicPage -DocsPath (Join-Path $script:RepoRoot 'docs') | ForEach-Object BaseName | Sort-Object)
        $written | Should -Contain 'about_AqueraConfiguration'
        $built | Should -Be $written
    }

    It 'ships only assemblies, the manifest, the format file and help: no pdb, xml docs or deps.json' {
        $files = Get-ChildItem -LiteralPath $script:ModuleFolder -Recurse -File
        $files | Where-Object { $_.Extension -notin '.dll', '.psd1', '.ps1xml' -and $_.Directory.Name -ne 'en-US' } | ForEach-Object Name | Should -BeNullOrEmpty
    }

    It 'does not ship System.Management.Automation.dll' {
        Join-Path $script:ModuleFolder 'System.Management.Automation.dll' | Should -Not -Exist
    }

    It 'the cmdlet assembly carries ModuleVersion' {
        $dll = Join-Path $script:ModuleFolder 'AqueraProvisioning.dll'
        $expected = [version] $script:Manifest.ModuleVersion
        $assemblyVersion = [System.Reflection.AssemblyName]::GetAssemblyName($dll).Version
        $assemblyVersion.ToString(3) | Should -Be $expected.ToString(3)
        ([System.Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion -split '\+')[0] | Should -Be $script:Manifest.ModuleVersion
    }

    It 'the format file loads' {
        { Update-FormatData -AppendPath (Join-Path $script:ModuleFolder 'AqueraProvisioning.Format.ps1xml') -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Import in a fresh pwsh' {
    It 'the built module imports and exports exactly the manifest''s cmdlets' {
        $command = "Import-Module '$($script:BuiltManifestPath)' -ErrorAction Stop; `$m = Get-Module AqueraProvisioning; " +
            "[pscustomobject]@{ Cmdlets = @(`$m.ExportedCmdlets.Keys | Sort-Object); Functions = `$m.ExportedFunctions.Count; Aliases = `$m.ExportedAliases.Count } | ConvertTo-Json -Compress"
        $run = Invoke-FreshPwsh -Command $command -PassThru
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $exported = ($run.Output | Select-Object -Last 1) | ConvertFrom-Json
        @($exported.Cmdlets) | Should -Be @($script:Manifest.CmdletsToExport | Sort-Object)
        $exported.Functions | Should -Be 0
        $exported.Aliases | Should -Be 0
    }

    It 'Import-Module ./AqueraProvisioning.psd1 from the repository root loads the built module with its help' {
        $command = "Import-Module ./AqueraProvisioning.psd1 -ErrorAction Stop; " +
            "`$c = Get-Command Get-AqueraPingOneContext; `$h = Get-Help Get-AqueraPingOneContext; " +
            "[pscustomobject]@{ Dll = `$c.ImplementingType.Assembly.Location; Synopsis = `$h.Synopsis; About = [bool](Get-Help about_AqueraProvisioning) } | ConvertTo-Json -Compress"
        $run = Invoke-FreshPwsh -Command $command -WorkingDirectory $script:RepoRoot -PassThru
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $result = ($run.Output | Select-Object -Last 1) | ConvertFrom-Json
        $result.Dll | Should -Be (Join-Path $script:ModuleFolder 'AqueraProvisioning.dll')
        $result.Synopsis | Should -Not -BeLike 'Get-AqueraPingOneContext*' -Because 'that is the syntax PowerShell shows when it finds no MAML'
        $result.Synopsis | Should -Not -BeNullOrEmpty
        $result.About | Should -BeTrue
    }
}

Describe 'Get-Help for <Name>' -ForEach $cmdlets {
    It 'has a synopsis, a description, at least two examples and every parameter described' {
        $help = Get-Help -Name $Name -Full
        $problems = [System.Collections.Generic.List[string]]::new()
        $synopsis = "$($help.Synopsis)".Trim()
        if (-not $synopsis -or $synopsis -like "$Name *" -or $synopsis -eq $Name) { $problems.Add('no synopsis (PowerShell shows the generated syntax: no MAML for this cmdlet; add docs/' + $Name + '.md)') }
        if ($synopsis -match '\{\{') { $problems.Add('the synopsis is a placeholder') }
        $description = (@($help.description) | ForEach-Object { $_.Text }) -join ''
        if (-not $description.Trim()) { $problems.Add('no description') }
        $examples = @($help.examples.example | Where-Object { $_ -and "$($_.code)".Trim() })
        if ($examples.Count -lt 2) { $problems.Add("$($examples.Count) example(s) with code; at least 2 needed") }
        $helpParameters = @($help.parameters.parameter | Where-Object { $_ })
        foreach ($parameter in Get-DocumentedCmdletParameter $Name) {
            $entry = $helpParameters | Where-Object name -EQ $parameter
            $text = (@($entry | ForEach-Object { $_.description }) | ForEach-Object { $_.Text }) -join ''
            if (-not $text.Trim()) { $problems.Add("-$parameter has no description") }
        }
        if ($problems.Count) { throw "Get-Help $Name -Full is incomplete:`n  $($problems -join "`n  ")" }
    }
}

Describe 'Docs page of <Name> matches its parameters' -ForEach $cmdlets {
    It 'describes exactly the cmdlet''s parameters' {
        $page = Join-Path $script:RepoRoot "docs/$Name.md"
        $page | Should -Exist -Because "every exported cmdlet needs docs/$Name.md"
        $documented = @((Read-CommandHelpMarkdown -Path $page).Parameters | ForEach-Object Name | Sort-Object)
        $actual = @(Get-DocumentedCmdletParameter $Name)
        $missing = @($actual | Where-Object { $_ -notin $documented })
        $stale = @($documented | Where-Object { $_ -notin $actual })
        $missing | Should -BeNullOrEmpty -Because 'these parameters exist but the page does not describe them'
        $stale | Should -BeNullOrEmpty -Because 'the page describes these, but the cmdlet has no such parameter'
    }
}

Describe 'Docs page <Page>' -ForEach $pages {
    It 'documents an exported cmdlet' {
        $model = Read-CommandHelpMarkdown -Path $Path
        $script:Manifest.CmdletsToExport | Should -Contain $model.Name
        Get-Command -Name $model.Name -Module AqueraProvisioning -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
    }
}

Describe 'About topic <Topic>' -ForEach $topics {
    It 'Get-Help <Topic> shows the topic' {
        $text = Get-Help $Topic | Out-String
        $text | Should -Match '(?m)^TOPIC\s*$'
        $text | Should -Match "(?m)^\s+$Topic\s*$"
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'LONG DESCRIPTION'
    }

    It 'is laid out as PowerShell expects: TOPIC on line 1, the name indented on line 2, no line over 80 columns outside code' {
        $lines = Get-Content -LiteralPath (Join-Path $script:ModuleFolder "en-US/$Topic.help.txt")
        $lines[0] | Should -BeExactly 'TOPIC'
        $lines[1] | Should -BeExactly "    $Topic"
        $lines | Where-Object { $_.Length -gt 80 -and $_ -notmatch '^ {6,}' } | Should -BeNullOrEmpty
    }
}

Describe 'Package' {
    BeforeAll {
        $packageFolder = if ($env:AQUERA_PACKAGE_PATH) { $env:AQUERA_PACKAGE_PATH } else { Join-Path $script:RepoRoot 'out/package' }
        $script:Package = Join-Path $packageFolder "AqueraProvisioning.$($script:Manifest.ModuleVersion).nupkg"
        $script:InstallRoot = Join-Path ([System.IO.Path]::GetTempPath()) ('aquera-install-' + [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $script:InstallRoot
    }
    AfterAll {
        Remove-Item -LiteralPath $script:InstallRoot -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'build.ps1 -Task Package wrote AqueraProvisioning.VERSION.nupkg' {
        $script:Package | Should -Exist -Because 'build.ps1 -Task Test packages before it tests'
    }

    It 'holds exactly the module folder''s files' {
        $folder = (Resolve-Path -LiteralPath $script:ModuleFolder).ProviderPath
        $expected = Get-ChildItem -LiteralPath $folder -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($folder, $_.FullName).Replace('\', '/') } | Sort-Object
        @(Get-PackagePayload -Package $script:Package) | Should -Be @($expected)
    }

    It 'installs from a local PSResource repository and works in a fresh pwsh, help included' {
        $saveTo = $script:InstallRoot
        $repositoryFolder = Split-Path -Parent $script:Package
        Use-LocalPSResourceRepository -Path $repositoryFolder -Script {
            param($repository)
            Save-PSResource -Name AqueraProvisioning -Repository $repository -Path $saveTo -TrustRepository
        }
        $command = "Import-Module AqueraProvisioning -ErrorAction Stop; `$m = Get-Module AqueraProvisioning; " +
            "[pscustomobject]@{ Base = `$m.ModuleBase; Version = `$m.Version.ToString(); Cmdlets = `$m.ExportedCmdlets.Count; " +
            "Synopsis = (Get-Help Get-AqueraPingOneContext).Synopsis; About = [bool](Get-Help about_AqueraProvisioning) } | ConvertTo-Json -Compress"
        $modulePath = $saveTo + [System.IO.Path]::PathSeparator + $env:PSModulePath
        $run = Invoke-FreshPwsh -Command $command -Environment @{ PSModulePath = $modulePath } -PassThru
        $run.ExitCode | Should -Be 0 -Because ($run.Output -join "`n")
        $result = ($run.Output | Select-Object -Last 1) | ConvertFrom-Json
        $result.Base | Should -BeLike "$saveTo*"
        $result.Version | Should -Be $script:Manifest.ModuleVersion
        $result.Cmdlets | Should -Be @($script:Manifest.CmdletsToExport).Count
        $result.Synopsis | Should -Not -BeLike 'Get-AqueraPingOneContext*'
        $result.About | Should -BeTrue
    }
}
