#
# Module manifest for AqueraProvisioning.
#
# This file is the single source of the module's metadata, ModuleVersion included: build.ps1 passes
# ModuleVersion to dotnet as -p:Version and writes the installable module's manifest,
# out/AqueraProvisioning/AqueraProvisioning.psd1, from this file.
#
@{
    # >>> repository-root entry point: build.ps1 swaps this block for RootModule and FormatsToProcess.
    # From the repository root, `Import-Module ./AqueraProvisioning.psd1` loads the module that
    # `build.ps1 -Task Build` assembled in out/AqueraProvisioning. It does so through that folder's own
    # manifest rather than by pointing RootModule at out/AqueraProvisioning/AqueraProvisioning.dll, because
    # PowerShell looks for a binary module's MAML (en-US/AqueraProvisioning.dll-Help.xml) under the base folder
    # of the manifest that loaded the dll: a RootModule path into out/ leaves Get-Help without help.
    NestedModules = @('out/AqueraProvisioning/AqueraProvisioning.psd1')
    # <<<

    ModuleVersion = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion = '5.1'
    GUID = '188aff76-ea87-45ec-9b9c-fcc0593f40f1'
    Author = 'AqueraProvisioning contributors'
    CompanyName = 'AqueraProvisioning contributors'
    Copyright = '(c) AqueraProvisioning contributors. Released under the MIT License.'
    Description = 'Create, test, configure, enable and disable PingOne outbound provisioning connections to Aquera (SCIM) from PowerShell: the admin console''s Integrations > Provisioning > New Connection > Aquera flow as cmdlets for interactive use, runbooks and pipelines.'

    CmdletsToExport = @(
        'Connect-AqueraPingOne'
        'Disconnect-AqueraPingOne'
        'Get-AqueraPingOneContext'
        'Get-AqueraConnection'
        'New-AqueraConnection'
        'Test-AqueraConnection'
        'Set-AqueraConnectionState'
        'Set-AqueraPreferences'
        'Set-AqueraConnection'
        'Remove-AqueraConnection'
        'Test-AqueraScimEndpoint'
        'Get-AqueraProvisioningRule'
        'New-AqueraProvisioningRule'
        'Set-AqueraProvisioningRule'
        'Remove-AqueraProvisioningRule'
        'Get-AqueraAttributeMapping'
        'Add-AqueraAttributeMapping'
        'Set-AqueraAttributeMapping'
        'Remove-AqueraAttributeMapping'
        'Get-AqueraAttributeMetadata'
        'Get-AqueraUserProvisioningStatus'
        'Export-AqueraConfiguration'
        'Compare-AqueraConfiguration'
        'Import-AqueraConfiguration'
    )
    FunctionsToExport = @()
    AliasesToExport = @()
    VariablesToExport = @()

    PrivateData = @{
        PSData = @{
            Tags = @('PingOne', 'Aquera', 'SCIM', 'Provisioning', 'Identity', 'PSEdition_Core', 'PSEdition_Desktop', 'Linux', 'Windows', 'MacOS')
            ProjectUri = 'https://github.com/aquera-provisioning/AqueraProvisioning'
            LicenseUri = 'https://github.com/aquera-provisioning/AqueraProvisioning/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0 - first preview.
- Connect-AqueraPingOne with a worker application (client secret or PSCredential), in the managed environment or
  another one (-WorkerEnvironmentId), regions NA, EU, CA, AU, SG and AP or explicit API/auth URLs, a proxy, and
  the PINGONE_* environment variables.
- Aquera connections (PingOne propagation stores): list, create with a connection test before saving, test,
  change, enable or disable, set preferences, remove.
- Retries for throttling and server faults, creates and deletes that never run twice, token renewal, Ctrl+C,
  and no secret in any output, log or error.
- Outbound rules from the PingOne directory to Aquera connections: Get-, New-, Set- and
  Remove-AqueraProvisioningRule (populations, groups and a filter by name, the rule toggle, deprovisioning on
  delete), created in the console's order (disabled, every mapping, then enabled only when the connection is
  enabled and passes its test), reusing the environment's one plan and directory store.
- Attribute mappings: Get-, Add-, Set- and Remove-AqueraAttributeMapping, with the default mapping set and many
  from a CSV in one revision; Get-AqueraAttributeMetadata for the attributes a connection offers.
- Get-AqueraUserProvisioningStatus: where a user stands for each rule, and why.
- Remove-AqueraConnection refuses a connection that rules still use, naming the rules.
- Get-Help for every cmdlet and about_AqueraProvisioning.
'@
        }
    }
}
