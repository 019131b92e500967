# Windows PowerShell 5.1 cannot run here, so these tests check, on the built module folder, what 5.1 would
# depend on: every assembly version that one shipped dll asks of another must be answerable by the module's
# AssemblyResolve hook, which serves shipped dlls whatever version is asked and nothing else.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Module = Import-ModuleUnderTest
    $script:ModuleFolder = $script:Module.ModuleBase
    $script:Resolver = [AqueraProvisioning.Internal.ModuleAssemblyResolver]
    $script:Resolve = $script:Resolver.GetMethod('Resolve', [Reflection.BindingFlags]'NonPublic, Static')

    function Get-ShippedReference {
        $shipped = @{}
        foreach ($file in Get-ChildItem -LiteralPath $script:ModuleFolder -Filter *.dll) {
            $shipped[[Reflection.AssemblyName]::GetAssemblyName($file.FullName).Name] = [Reflection.AssemblyName]::GetAssemblyName($file.FullName).Version
        }
        foreach ($file in Get-ChildItem -LiteralPath $script:ModuleFolder -Filter *.dll) {
            $stream = [IO.File]::OpenRead($file.FullName)
            try {
                $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
                $metadata = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                foreach ($handle in $metadata.AssemblyReferences) {
                    $reference = $metadata.GetAssemblyReference($handle)
                    [pscustomobject]@{
                        From    = $file.Name
                        Name    = $metadata.GetString($reference.Name)
                        Version = $reference.Version
                        Shipped = $shipped[$metadata.GetString($reference.Name)]
                    }
                }
            }
            finally { $stream.Dispose() }
        }
    }
}

Describe 'Windows PowerShell 5.1 assembly binding (checked on the built module folder)' {
    It 'the module registers an assembly initializer that hooks AssemblyResolve only on .NET Framework' {
        $script:Resolver.GetInterfaces().Name | Should -Contain 'IModuleAssemblyInitializer'
        $script:Resolver.GetInterfaces().Name | Should -Contain 'IModuleAssemblyCleanup'
        $script:Resolver.GetProperty('IsNeeded', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null) | Should -BeFalse -Because 'this is PowerShell 7 on .NET'
    }

    It 'the shipped dlls disagree on versions among themselves (the reason for the hook)' {
        $mismatches = @(Get-ShippedReference | Where-Object { $_.Shipped -and $_.Version -ne $_.Shipped })
        $mismatches.Count | Should -BeGreaterThan 0
        $mismatches.Name | Should -Contain 'System.Runtime.CompilerServices.Unsafe'
    }

    It 'every version one shipped dll asks of another is a dll in the folder, so the hook can answer it' {
        $mismatches = @(Get-ShippedReference | Where-Object { $_.Shipped -and $_.Version -ne $_.Shipped })
        foreach ($mismatch in $mismatches) {
            Join-Path $script:ModuleFolder ($mismatch.Name + '.dll') | Should -Exist
        }
    }

    It 'the hook serves a shipped dll whatever version is asked' {
        $asked = [ResolveEventArgs]::new('AqueraProvisioning.Core, Version=99.0.0.0, Culture=neutral, PublicKeyToken=null')
        $assembly = $script:Resolve.Invoke($null, @($null, $asked))
        $assembly | Should -Not -BeNullOrEmpty
        [IO.Path]::GetDirectoryName($assembly.Location) | Should -Be ([IO.Path]::GetFullPath($script:ModuleFolder).TrimEnd('/', '\'))
    }

    It 'the hook leaves every other assembly, and System.Management.Automation, to the runtime' {
        foreach ($name in 'Contoso.NotShipped, Version=1.0.0.0', 'System.Management.Automation, Version=3.0.0.0', '..\..\etc\passwd') {
            $script:Resolve.Invoke($null, @($null, [ResolveEventArgs]::new($name))) | Should -BeNullOrEmpty
        }
    }
}
