# Configuration as code against two sandboxes: a test environment set up through the module, and an empty
# "production" one. Export, Compare and Import; no write on a re-import or with -WhatIf; the one expected Update;
# -Prune and its confirmation; no secret in the file, any stream or the plan; every bad file refused by its ErrorId
# with nothing sent.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
    $script:Test = Start-ConnectedSandbox
    $logs = @{}
    if ($env:AQUERA_SANDBOX_LOGS) { $logs.LogDirectory = $env:AQUERA_SANDBOX_LOGS }
    $script:Prod = Start-AqueraSandbox @logs
    $script:Secrets = @($Test.clientSecret, $Test.scimBearerToken, $Test.scimPassword)

    $null = New-TestConnection 'HR' -Enabled -Parameters @{ AllowCreate = $true; AllowUpdate = $true; Description = 'HR users' }
    $null = New-TestConnection 'Payroll' -Basic -Parameters @{ RemoveAction = 'Delete'; DeprovisionOnRuleDeletion = $true }
    $null = New-AqueraProvisioningRule -Name 'Default to HR' -Connection HR -Population Default -Group Sales -Filter 'title sw "S"' -State Enabled
    $null = New-AqueraProvisioningRule -Name 'Contractors to Payroll' -Connection Payroll -Population Contractors -NoDefaultMappings
    $null = Add-AqueraAttributeMapping -Rule 'Contractors to Payroll' -Target userName -Source username
    $script:Exported = Join-Path $TestDrive 'test.psd1'
    Export-AqueraConfiguration -Path $Exported

    # Secrets as an unattended run has them: environment variables named by the file's references.
    $env:AQUERA_SECRET_HR = $Test.scimBearerToken
    $env:AQUERA_SECRET_PAYROLL = $Test.scimPassword

    function Use-Production { Reset-Sandbox -Sandbox $Prod; Connect-Sandbox -Sandbox $Prod }
    function Get-ProdWrite { @(Get-SandboxRequests -Sandbox $Prod | Where-Object { $_.path -like '/v1/*' -and $_.method -in 'POST', 'PUT', 'PATCH', 'DELETE' }) }
    function Get-ProdRevisionCount { [int](Get-SandboxStats -Sandbox $Prod).revisions }
    function Write-ConfigurationFile([string] $Name, [string] $Text) {
        $path = Join-Path $TestDrive $Name
        Set-Content -LiteralPath $path -Value $Text -Encoding utf8
        $path
    }
}

AfterAll {
    Remove-Item Env:AQUERA_SECRET_HR, Env:AQUERA_SECRET_PAYROLL -ErrorAction SilentlyContinue
    if ($Prod) { Stop-AqueraSandbox -Sandbox $Prod }
    Stop-ConnectedSandbox
}

Describe 'Export-AqueraConfiguration' {
    BeforeAll { Connect-Sandbox }

    It 'writes a file that Import-PowerShellDataFile reads, naming populations and groups, with no id, timestamp or secret' {
        $text = Get-Content -LiteralPath $Exported -Raw
        $data = Import-PowerShellDataFile -LiteralPath $Exported
        $data.SchemaVersion | Should -Be 1
        $data.Connections.Name | Should -Be @('HR', 'Payroll')
        $data.Connections[1].BasicAuthUser | Should -Be $Test.scimUser
        $data.Connections.Secret | Should -Be @('env:AQUERA_SECRET_HR', 'env:AQUERA_SECRET_PAYROLL')
        $hr = $data.Rules | Where-Object Name -EQ 'Default to HR'
        $hr.Populations | Should -Be 'Default'
        $hr.Groups | Should -Be 'Sales'
        $hr.Filter | Should -Be 'title sw "S"'
        $hr.Mappings.Target | Should -Contain 'userName'
        Assert-NoSecret $text $Secrets
        foreach ($id in @((Get-AqueraConnection).Id) + @((Get-AqueraProvisioningRule).Id) + @($Test.environmentId)) { $text | Should -Not -Match $id }
        $text | Should -Not -Match '\d{4}-\d\d-\d\dT\d\d:'
    }

    It 'writes the same document as JSON, and without -Path returns it, limited by -Name' {
        $json = Join-Path $TestDrive 'test.json'
        Export-AqueraConfiguration $json
        (Get-Content -LiteralPath $json -Raw | ConvertFrom-Json).Rules.Name | Should -Be @('Contractors to Payroll', 'Default to HR')
        $document = Export-AqueraConfiguration -Name 'H*'
        $document.GetType().FullName | Should -Be 'AqueraProvisioning.Core.AqueraConfiguration'
        $document.Connections.Name | Should -Be 'HR'
        $document.Rules.Name | Should -Be 'Default to HR'
    }

    It 'with -Name, a literal name that matches nothing is AqueraConnectionNotFound and the names that match still export' {
        $errors = $null
        $document = Export-AqueraConfiguration -Name 'hr', 'Nowhere' -ErrorVariable errors -ErrorAction SilentlyContinue
        $document.Connections.Name | Should -Be 'HR'
        $document.Rules.Name | Should -Be 'Default to HR'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionNotFound Export-AqueraConfiguration)
        $errors[0].TargetObject | Should -Be 'Nowhere'
    }

    It 'refuses an existing file with -NoClobber and a file of another kind, before reading anything' {
        Clear-SandboxRequests
        (Get-CommandError { Export-AqueraConfiguration $Exported -NoClobber }).FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConfigurationFileUnavailable Export-AqueraConfiguration)
        (Get-CommandError { Export-AqueraConfiguration (Join-Path $TestDrive 'x.yaml') }).FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraUnsupportedConfigurationFormat Export-AqueraConfiguration)
        Get-V1Request | Should -BeNullOrEmpty
    }

    It 'compares everything Unchanged on the environment it came from' {
        $plan = @(Compare-AqueraConfiguration $Exported -Prune)
        $plan.Count | Should -Be (2 + 2 + 5)
        $plan.Action | Select-Object -Unique | Should -Be 'Unchanged'
        $plan[0].GetType().FullName | Should -Be 'AqueraProvisioning.Core.ConfigurationChange'
    }
}

Describe 'Import-AqueraConfiguration into an empty environment' {
    BeforeEach { Use-Production }

    It 'creates everything in dependency order with one revision, after which Compare shows all Unchanged' {
        $applied = @(Import-AqueraConfiguration $Exported -PassThru)
        $applied.Count | Should -Be 9
        $applied.Action | Select-Object -Unique | Should -Be 'Create'
        $writes = @(Get-ProdWrite | ForEach-Object { "$($_.method) $($_.path -replace '^.*?/propagation/', '' -replace '[0-9a-f-]{36}', '*')" })
        $writes[0..2] | Should -Be @('POST stores/connection/status', 'POST stores', 'POST stores') -Because 'HR is tested before it is created enabled; Payroll is created disabled without a test'
        $writes[-1] | Should -Be 'POST revisions'
        $writes.IndexOf('POST plans/*/rules') | Should -BeGreaterThan 2
        Get-ProdRevisionCount | Should -Be 1
        @(Compare-AqueraConfiguration $Exported -Prune).Action | Select-Object -Unique | Should -Be 'Unchanged'
        (Get-AqueraProvisioningRule -Name 'Default to HR').Enabled | Should -BeTrue
    }

    It 'sends no write and makes no revision when the same file is imported again' {
        Import-AqueraConfiguration $Exported
        Clear-SandboxRequests -Sandbox $Prod
        Import-AqueraConfiguration $Exported -Prune -Confirm:$false
        Get-ProdWrite | Should -BeNullOrEmpty
        Get-ProdRevisionCount | Should -Be 1
        $reads = @(Get-SandboxRequests -Sandbox $Prod | Where-Object path -Like '/v1/*')
        $reads.Count | Should -BeLessOrEqual (4 + 2) -Because 'a re-import reads the store, rule, population and group lists and one mapping list per rule'
    }

    It 'with -WhatIf shows exactly the Compare plan and sends no write' {
        $plan = @(Compare-AqueraConfiguration $Exported | Where-Object Action -NE Unchanged | ForEach-Object { "What if: $_" })
        Clear-SandboxRequests -Sandbox $Prod
        $whatIf = Get-WhatIfText { Import-AqueraConfiguration $Exported -WhatIf }
        $whatIf | Should -Be $plan
        $plan.Count | Should -Be 9
        Get-ProdWrite | Should -BeNullOrEmpty
    }

    It 'applies exactly the expected Update when one value changed in the file' {
        Import-AqueraConfiguration $Exported
        $changed = Write-ConfigurationFile 'changed.psd1' ((Get-Content -LiteralPath $Exported -Raw) -replace "Description = 'HR users'", "Description = 'HR and payroll users'")
        $plan = @(Compare-AqueraConfiguration $changed | Where-Object Action -NE Unchanged)
        $plan.Count | Should -Be 1
        "$($plan[0])" | Should -Be "Update Connection 'HR': Description: 'HR users' -> 'HR and payroll users'"
        $plan[0].Properties[0].Old | Should -Be 'HR users'
        Clear-SandboxRequests -Sandbox $Prod
        $applied = @(Import-AqueraConfiguration $changed -PassThru)
        "$applied" | Should -Be "$($plan[0])"
        @(Get-ProdWrite | ForEach-Object { "$($_.method) $($_.path -replace '^.*?/propagation/', '' -replace '[0-9a-f-]{36}', '*')" }) | Should -Be @('PUT stores/*', 'POST revisions')
        (Get-AqueraConnection -Name HR).Description | Should -Be 'HR and payroll users'
    }

    It 'with -Prune deletes only what the file lacks, rules before connections, and asks before each delete' {
        Import-AqueraConfiguration $Exported
        $null = New-AqueraConnection -Name 'Extra' -ScimUrl $Test.scimUrl -BearerToken (New-TestSecret $Test.scimBearerToken) -SkipConnectionTest
        $null = New-AqueraProvisioningRule -Name 'Extra rule' -Connection Extra -Population Default
        $plan = @(Compare-AqueraConfiguration $Exported -Prune | Where-Object Action -NE Unchanged | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name)" })
        $plan | Should -Be @('Delete Rule Extra rule', 'Delete Connection Extra')
        Clear-SandboxRequests -Sandbox $Prod

        # A host that cannot prompt shows that the deletes ask: the import fails before anything is sent.
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module '$(Get-ModuleUnderTestPath)'; " +
            "Connect-AqueraPingOne -EnvironmentId '$($Prod.environmentId)' -ClientId '$($Prod.clientId)' -ClientSecret (ConvertTo-SecureString '$($Prod.clientSecret)' -AsPlainText -Force) -ApiUrl '$($Prod.apiUrl)' -AuthUrl '$($Prod.authUrl)'; " +
            "Import-AqueraConfiguration '$Exported' -Prune")
        try {
            $null = $shell.Invoke()
            $asked = @($shell.Streams.Error)
        }
        finally { $shell.Dispose() }
        $asked.FullyQualifiedErrorId | Should -Be 'HostFunctionNotImplemented,AqueraProvisioning.Commands.ImportAqueraConfigurationCommand'
        "$asked" | Should -BeLike "*request confirmation*Delete Rule 'Extra rule'?*"
        Get-ProdWrite | Should -BeNullOrEmpty
        Get-AqueraConnection -Name Extra | Should -Not -BeNullOrEmpty

        $applied = @(Import-AqueraConfiguration $Exported -Prune -Confirm:$false -PassThru)
        @($applied | ForEach-Object { "$($_.Action) $($_.Kind) $($_.Name)" }) | Should -Be $plan
        @(Get-ProdWrite | ForEach-Object { "$($_.method) $($_.path -replace '^.*?/propagation/', '' -replace '[0-9a-f-]{36}', '*')" } | Where-Object { $_ -like 'DELETE*' })[-2..-1] | Should -Be @('DELETE rules/*', 'DELETE stores/*')
        Get-AqueraConnection | ForEach-Object Name | Should -Be @('HR', 'Payroll')
        @(Get-AqueraProvisioningRule).Count | Should -Be 2
    }

    It 'shows no secret in the file, any stream or the plan, with secrets from -Secret' {
        $rotated = 'rotated-' + [guid]::NewGuid().ToString('n')
        $secret = @{ AQUERA_SECRET_HR = (New-TestSecret $Test.scimBearerToken); AQUERA_SECRET_PAYROLL = [pscredential]::new($Test.scimUser, (New-TestSecret $Test.scimPassword)) }
        $streams = @(& { Import-AqueraConfiguration $Exported -Secret $secret -PassThru -Verbose -Debug } *>&1)
        $secret.AQUERA_SECRET_PAYROLL = [pscredential]::new($Test.scimUser, (New-TestSecret $rotated))
        $streams += @(& { Import-AqueraConfiguration $Exported -Secret $secret -PassThru -Verbose -Debug -WarningAction Continue } *>&1 6>&1)
        $plan = @(Compare-AqueraConfiguration $Exported -Verbose -Debug *>&1)
        $exported = Join-Path $TestDrive 'prod.json'
        Export-AqueraConfiguration $exported -Verbose -Debug *>&1 | ForEach-Object { $streams += $_ }
        $all = @($Secrets) + $rotated
        Assert-NoSecret (($streams | ForEach-Object { "$_" }) -join "`n") $all
        Assert-NoSecret ($streams | Get-RenderedText) $all
        Assert-NoSecret ($plan | Get-RenderedText) $all
        Assert-NoSecret (Get-Content -LiteralPath $exported -Raw) $all
        ($streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        (Invoke-SandboxControl -Method Get -Path "stores/$((Get-AqueraConnection -Name Payroll).Id)" -Sandbox $Prod).configuration.BASIC_AUTH_PASSWORD | Should -Be $rotated -Because 'a secret given with -Secret is set even when nothing else changes'
    }

    It 'changes nothing when -Secret gives the secrets PingOne already stores' {
        $secret = @{ AQUERA_SECRET_HR = (New-TestSecret $Test.scimBearerToken); AQUERA_SECRET_PAYROLL = [pscredential]::new($Test.scimUser, (New-TestSecret $Test.scimPassword)) }
        $null = Import-AqueraConfiguration $Exported -Secret $secret
        Clear-SandboxRequests -Sandbox $Prod
        $revisions = Get-ProdRevisionCount

        $changed = @(Import-AqueraConfiguration $Exported -Secret $secret -PassThru)

        $changed | Should -BeNullOrEmpty
        Get-ProdWrite | Should -BeNullOrEmpty
        Get-ProdRevisionCount | Should -Be $revisions
    }
}

Describe 'A bad file is refused by its ErrorId, and nothing is sent' {
    BeforeAll {
        $script:Good = @'
@{
    SchemaVersion = 1
    Connections = @(
        @{ Name = 'HR'; ScimUrl = '%URL%'; AuthenticationMethod = 'BearerToken'; State = 'Enabled'%EXTRA% }
    )
    Rules = @(
        @{ Name = 'Default to HR'; Connection = '%CONNECTION%'; State = 'Disabled'; Populations = @('%POPULATION%'); Mappings = @(@{ Target = 'userName'; Source = 'username' }) }
    )
}
'@ -replace '%URL%', $Test.scimUrl
    }

    BeforeEach { Use-Production }

    It '<Case> is <ErrorId>' -ForEach @(
        @{ Case = 'an unknown key'; ErrorId = 'AqueraInvalidConfigurationFile'; Extra = '; Colour = ''Blue'''; Match = 'Colour' }
        @{ Case = 'a wrong enum value'; ErrorId = 'AqueraInvalidConfigurationFile'; Extra = '; RemoveAction = ''Erase'''; Match = 'RemoveAction' }
        @{ Case = 'a duplicate name'; ErrorId = 'AqueraInvalidConfigurationFile'; Extra = ' }; @{ Name = ''hr''; ScimUrl = ''https://a.example/scim''; AuthenticationMethod = ''BearerToken''; State = ''Disabled'''; Match = 'hr' }
        @{ Case = 'a rule naming a missing connection'; ErrorId = 'AqueraInvalidConfigurationFile'; Connection = 'Nowhere'; Match = 'Nowhere' }
        @{ Case = 'a missing population'; ErrorId = 'AqueraInvalidConfigurationFile'; Population = 'Martians'; Match = 'Martians' }
        @{ Case = 'an unresolved secret'; ErrorId = 'AqueraUnresolvedSecret'; Extra = '; Secret = ''env:AQUERA_TEST_NOT_SET'''; Match = 'AQUERA_TEST_NOT_SET' }
        @{ Case = 'a secret: reference without SecretManagement'; ErrorId = 'AqueraUnresolvedSecret'; Extra = '; Secret = ''secret:HR token'''; Match = 'SecretManagement' }
    ) {
        $text = $Good.Replace('%EXTRA%', "$(if ($Extra) { $Extra })").Replace('%CONNECTION%', "$(if ($Connection) { $Connection } else { 'HR' })").Replace('%POPULATION%', "$(if ($Population) { $Population } else { 'Default' })")
        $file = Write-ConfigurationFile 'bad.psd1' $text
        Clear-SandboxRequests -Sandbox $Prod
        $failure = Get-CommandError { Import-AqueraConfiguration $file -Prune -Confirm:$false }
        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId $ErrorId Import-AqueraConfiguration)
        $failure[0].Exception.Message | Should -BeLike "*$Match*"
        $failure[0].Exception.Message | Should -BeLike "*$file*"
        Get-ProdWrite | Should -BeNullOrEmpty
        if ($ErrorId -eq 'AqueraInvalidConfigurationFile') {
            (Get-CommandError { Compare-AqueraConfiguration $file })[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId $ErrorId Compare-AqueraConfiguration)
        }
    }

    It 'the good file itself imports, so each case above fails for its own reason' {
        $file = Write-ConfigurationFile 'good.psd1' $Good.Replace('%EXTRA%', '').Replace('%CONNECTION%', 'HR').Replace('%POPULATION%', 'Default')
        Import-AqueraConfiguration $file
        (Get-AqueraProvisioningRule -Name 'Default to HR').ConnectionName | Should -Be 'HR'
    }

    It 'a file that does not exist is <ErrorId>, and one of another kind is refused' -ForEach @(@{ ErrorId = 'AqueraConfigurationFileUnavailable' }) {
        Clear-SandboxRequests -Sandbox $Prod
        (Get-CommandError { Import-AqueraConfiguration (Join-Path $TestDrive 'none.psd1') })[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId $ErrorId Import-AqueraConfiguration)
        (Get-CommandError { Compare-AqueraConfiguration (Join-Path $TestDrive 'none.txt') })[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraUnsupportedConfigurationFormat Compare-AqueraConfiguration)
        Get-ProdWrite | Should -BeNullOrEmpty
    }
}
