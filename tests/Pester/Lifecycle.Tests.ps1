# Each connection cmdlet against the sandbox: listing, create, test, enable/disable, preferences, rename and
# rotation, delete. The sandbox's raw store (secrets included) is the witness of what was really saved.
# Sessions are in Session.Tests.ps1, the cross-cutting rules (pipelines, revisions, -WhatIf, errors, shell comfort)
# in Pipeline.Tests.ps1, the secret handling in Secrets.Tests.ps1.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
}

AfterAll { Stop-ConnectedSandbox }

Describe 'Get-AqueraConnection' {
    BeforeAll {
        Reset-Sandbox
        $script:Payroll = New-TestConnection 'HR-Payroll' -Enabled
        $script:Benefits = New-TestConnection 'HR-Benefits' -Basic
        $script:Ledger = New-TestConnection 'Finance-GL'
        $null = Add-RawStore @{ name = 'Directory'; type = 'LDAP'; configuration = @{} }
    }

    It 'lists every Aquera connection and no other kind of store' {
        @(Get-AqueraConnection).Name | Sort-Object | Should -Be @('Finance-GL', 'HR-Benefits', 'HR-Payroll')
    }

    It 'writes typed objects: bool, enums, Uri, DateTimeOffset' {
        $connection = Get-AqueraConnection -Name 'HR-Payroll'
        $connection.GetType().FullName | Should -Be 'AqueraProvisioning.Core.AqueraConnection'
        $connection.Id | Should -Be $Payroll.Id
        $connection.EnvironmentId | Should -Be $Sandbox.environmentId
        $connection.Enabled | Should -BeOfType [bool]
        $connection.Enabled | Should -BeTrue
        $connection.ScimUrl | Should -BeOfType [uri]
        $connection.CreatedAt | Should -BeOfType [DateTimeOffset]
        $connection.AuthenticationMethod | Should -Be 'BearerToken'
        $connection.AuthenticationMethod.GetType().IsEnum | Should -BeTrue
        (Get-AqueraConnection -Name 'HR-Benefits').AuthenticationMethod | Should -Be 'BasicAuth'
    }

    It 'takes wildcards, case-insensitively, and several names at once' {
        @(Get-AqueraConnection -Name 'hr-*').Name | Sort-Object | Should -Be @('HR-Benefits', 'HR-Payroll')
        @(Get-AqueraConnection 'finance-gl', '*Pay*').Name | Sort-Object | Should -Be @('Finance-GL', 'HR-Payroll')
        Get-CommandError { Get-AqueraConnection -Name 'nothing-*' } | Should -BeNullOrEmpty -Because 'a wildcard that matches nothing is not an error'
    }

    It 'a literal name that does not exist is a non-terminating AqueraConnectionNotFound; the found ones are still written' {
        $found = Get-AqueraConnection -Name 'HR-Payroll', 'No-Such' -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'HR-Payroll'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionNotFound Get-AqueraConnection)
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'No-Such'
    }

    It 'gets by -Id, and by ids from the pipeline' {
        (Get-AqueraConnection -Id $Ledger.Id).Name | Should -Be 'Finance-GL'
        $piped = $Payroll.Id, $Ledger.Id | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Get-AqueraConnection
        $piped.Name | Should -Be @('HR-Payroll', 'Finance-GL')
        (Get-AqueraConnection -Id $Payroll.Id, $Benefits.Id).Name | Should -Be @('HR-Payroll', 'HR-Benefits')
    }
}

Describe 'New-AqueraConnection' {
    BeforeEach { Reset-Sandbox }

    It 'creates a Bearer Token connection; every preference lands in the stored configuration' {
        $created = New-AqueraConnection -Name 'HR' -Description 'Workday to Aquera' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) `
            -AllowCreate -AllowUpdate -AllowDisable -RemoveAction Delete -DeprovisionOnRuleDeletion -GroupNameSource DistinguishedName -Enabled
        $raw = Get-RawStore $created.Id
        $raw.name | Should -Be 'HR'
        $raw.description | Should -Be 'Workday to Aquera'
        $raw.type | Should -Be 'Aquera'
        $raw.status | Should -Be 'ACTIVE'
        $raw.managed | Should -BeTrue
        $config = $raw.configuration
        $config.SCIM_URL | Should -Be $Sandbox.scimUrl
        $config.AUTHENTICATION_METHOD | Should -Be 'OAuth Bearer Token'
        $config.ACCESS_TOKEN | Should -Be $Sandbox.scimBearerToken
        $config.CREATE_USERS, $config.UPDATE_USERS, $config.DISABLE_USERS | Should -Be @($true, $true, $true)
        $config.REMOVE_ACTION | Should -Be 'Delete'
        $config.GROUP_NAME_SOURCE | Should -Be 'Distinguished Name'
        $created.Enabled, $created.AllowCreate, $created.DeprovisionOnRuleDeletion | Should -Be @($true, $true, $true)
        $created.RemoveAction | Should -Be 'Delete'
    }

    It 'without preferences saves them off, RemoveAction Disable, no group name source, disabled' {
        $created = New-TestConnection 'Plain'
        $raw = Get-RawStore $created.Id
        $raw.status | Should -Be 'INACTIVE'
        $raw.managed | Should -BeFalse
        $raw.configuration.CREATE_USERS, $raw.configuration.UPDATE_USERS, $raw.configuration.DISABLE_USERS | Should -Be @($false, $false, $false)
        $raw.configuration.REMOVE_ACTION | Should -Be 'Disable'
        $raw.configuration.PSObject.Properties.Name | Should -Not -Contain 'GROUP_NAME_SOURCE'
    }

    It 'creates a Basic Auth connection from -Credential' {
        $created = New-TestConnection 'Basic' -Basic -Enabled
        $created.AuthenticationMethod | Should -Be 'BasicAuth'
        $config = (Get-RawStore $created.Id).configuration
        $config.AUTHENTICATION_METHOD | Should -Be 'Basic Auth'
        $config.BASIC_AUTH_USER | Should -Be $Sandbox.scimUser
        $config.BASIC_AUTH_PASSWORD | Should -Be $Sandbox.scimPassword
        $config.PSObject.Properties.Name | Should -Not -Contain 'ACCESS_TOKEN'
    }

    It 'Import-Csv | New-AqueraConnection creates one connection per row, with "true"/"false" and "Common Name" bound' {
        $csv = Join-Path $TestDrive 'connections.csv'
        @(
            'Name,Description,ScimUrl,AllowCreate,RemoveAction,GroupNameSource'
            "HR-A,First one,$($Sandbox.scimUrl),true,Delete,Common Name"
            "HR-B,,$($Sandbox.scimUrl),false,Disable,Distinguished Name"
            "HR-C,Third,$($Sandbox.scimUrl),TRUE,Disable,Common Name"
        ) | Set-Content -LiteralPath $csv
        $created = Import-Csv -LiteralPath $csv | New-AqueraConnection -BearerToken (Get-ScimToken)
        $created.Name | Should -Be @('HR-A', 'HR-B', 'HR-C')
        $raw = $created | ForEach-Object { Get-RawStore $_.Id }
        $raw.configuration.CREATE_USERS | Should -Be @($true, $false, $true)
        $raw.configuration.REMOVE_ACTION | Should -Be @('Delete', 'Disable', 'Disable')
        $raw.configuration.GROUP_NAME_SOURCE | Should -Be @('Common Name', 'Distinguished Name', 'Common Name')
        $raw[0].description | Should -Be 'First one'
        $raw[1].PSObject.Properties.Name | Should -Not -Contain 'description' -Because 'an empty CSV cell is no description'
    }

    It 'a failing connection test creates nothing and writes AqueraConnectionTestFailed with the service''s reason' {
        $failures = Get-CommandError { New-TestConnection 'Broken' -Parameters @{ BearerToken = New-TestSecret 'wrong-token'; ErrorAction = 'Continue' } }
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionTestFailed New-AqueraConnection)
        $failures[0].Exception.Message | Should -Match '401 Unauthorized'
        $failures[0].ErrorDetails.Message | Should -Match '401 Unauthorized.*Fix the SCIM URL or credentials, or use -Force to save it disabled anyway\.'
        (Get-SandboxStats).stores | Should -Be 0
        Get-V1Request -StateChanging | Where-Object path -NotLike '*/connection/status' | Should -BeNullOrEmpty
    }

    It '-Force saves a connection whose test fails, disabled even with -Enabled, with a warning' {
        $created = New-AqueraConnection -Name 'Broken' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret 'wrong-token') -Enabled -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $created.Enabled | Should -BeFalse
        (Get-RawStore $created.Id).status | Should -Be 'INACTIVE'
        "$warnings" | Should -Match 'Broken.*failed'
    }

    It '-SkipConnectionTest sends no connection check' {
        $created = New-TestConnection 'Unchecked' -Parameters @{ SkipConnectionTest = $true; BearerToken = New-TestSecret 'never-checked' }
        (Get-RawStore $created.Id).name | Should -Be 'Unchecked'
        Get-V1Request | Where-Object path -Like '*/connection/status' | Should -BeNullOrEmpty
    }

    It 'refuses a name that exists (any case): AqueraConnectionExists, ResourceExists, nothing created' {
        $null = New-TestConnection 'HR'
        $failure = Get-CommandError { New-TestConnection 'hr' -Parameters @{ ErrorAction = 'Continue' } }
        $failure.FullyQualifiedErrorId | Should -Be 'AqueraConnectionExists,AqueraProvisioning.Commands.NewAqueraConnectionCommand'
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        (Get-SandboxStats).stores | Should -Be 1
    }
}

Describe 'Test-AqueraConnection' {
    BeforeAll {
        Reset-Sandbox
        $script:Good = New-TestConnection 'Good'
        $script:Bad = New-TestConnection 'Bad' -Invalid
    }
    BeforeEach { $null = Set-SandboxSettings @{ connectionCheckFailureMode = 'error' } }

    It 'tests a saved connection from the pipeline, by -Id and by -Name' {
        $results = @(
            Get-AqueraConnection -Name 'Good' | Test-AqueraConnection
            Test-AqueraConnection -Id $Good.Id
            Test-AqueraConnection -Name 'Good'
        )
        $results | ForEach-Object { $_.GetType().FullName } | Should -Be (@('AqueraProvisioning.Core.AqueraConnectionTestResult') * 3)
        $results.Success | Should -Be @($true, $true, $true)
        $results.ConnectionId | Should -Be @($Good.Id, $Good.Id, $Good.Id)
        $results.Name | Should -Be @('Good', 'Good', 'Good')
        $results[0].Duration | Should -BeOfType [timespan]
    }

    It 'a failed test is a result with Success $false and the reason, not an error (sandbox failure mode <Mode>)' -ForEach @(
        @{ Mode = 'error' }, @{ Mode = 'body' }
    ) {
        $null = Set-SandboxSettings @{ connectionCheckFailureMode = $Mode }
        $result = Test-AqueraConnection -Id $Bad.Id -ErrorVariable failures
        $failures | Should -BeNullOrEmpty
        $result.Success | Should -BeFalse
        $result.Message | Should -Match '401 Unauthorized'
        Test-AqueraConnection -Id $Bad.Id -Quiet | Should -BeExactly $false
        Test-AqueraConnection -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret 'wrong-token') -Quiet | Should -BeExactly $false
    }

    It 'tests a proposed connection from -ScimUrl with -BearerToken or -Credential' {
        $bearer = Test-AqueraConnection -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) -Name 'Proposed HR'
        $bearer.Success | Should -BeTrue
        $bearer.Name | Should -Be 'Proposed HR'
        $bearer.ConnectionId | Should -BeNullOrEmpty
        (Test-AqueraConnection -ScimUrl $Sandbox.scimUrl -Credential (Get-SandboxScimCredential)).Success | Should -BeTrue
        (Test-AqueraConnection -ScimUrl "$($Sandbox.baseUrl)/not-scim" -BearerToken (Get-ScimToken)).Success | Should -BeFalse
    }

    It '-Quiet returns only $true or $false' {
        $quiet = Test-AqueraConnection -Id $Good.Id -Quiet
        $quiet | Should -BeOfType [bool]
        $quiet | Should -BeTrue
    }
}

Describe 'Set-AqueraConnectionState, Set-AqueraPreferences and Set-AqueraConnection' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR'
    }

    It 'Set-AqueraConnectionState enables (ACTIVE) and disables (INACTIVE), by -Id and by -Name' {
        $enabled = Set-AqueraConnectionState -Id $Hr.Id -State Enabled -PassThru
        $enabled.Enabled | Should -BeTrue
        (Get-RawStore $Hr.Id).status | Should -Be 'ACTIVE'
        Set-AqueraConnectionState -Name 'hr' -State Disabled
        (Get-RawStore $Hr.Id).status | Should -Be 'INACTIVE'
    }

    It 'Set-AqueraPreferences changes the named preferences; -AllowCreate:$false turns one off' {
        $null = Set-AqueraPreferences -Id $Hr.Id -AllowCreate -AllowDisable -RemoveAction Delete -GroupNameSource 'Common Name' -DeprovisionOnRuleDeletion
        $raw = Get-RawStore $Hr.Id
        $raw.configuration.CREATE_USERS, $raw.configuration.UPDATE_USERS, $raw.configuration.DISABLE_USERS | Should -Be @($true, $false, $true)
        $raw.configuration.REMOVE_ACTION | Should -Be 'Delete'
        $raw.configuration.GROUP_NAME_SOURCE | Should -Be 'Common Name'
        $raw.managed | Should -BeTrue
        $after = Set-AqueraPreferences -Name 'HR' -AllowCreate:$false -PassThru
        $after.AllowCreate | Should -BeFalse
        (Get-RawStore $Hr.Id).configuration.CREATE_USERS | Should -BeFalse
    }

    It 'Set-AqueraConnection renames, describes and moves the SCIM URL' {
        $changed = Set-AqueraConnection -Id $Hr.Id -NewName 'HR-Workday' -Description 'Workday feed' -ScimUrl 'https://api.aquera.example/scim/t1/app' -PassThru
        $changed.Name | Should -Be 'HR-Workday'
        $raw = Get-RawStore $Hr.Id
        $raw.name | Should -Be 'HR-Workday'
        $raw.description | Should -Be 'Workday feed'
        $raw.configuration.SCIM_URL | Should -Be 'https://api.aquera.example/scim/t1/app'
        Set-AqueraConnection -Name 'HR-Workday' -Description ''
        (Get-RawStore $Hr.Id).PSObject.Properties.Name | Should -Not -Contain 'description' -Because 'an empty -Description clears it'
    }

    It 'Set-AqueraConnection -BearerToken rotates the token of an enabled connection: the store holds the new one' {
        $null = Set-AqueraConnectionState -Id $Hr.Id -State Enabled
        $newToken = 'rotated-token-' + [guid]::NewGuid().ToString('n')
        $null = Set-SandboxSettings @{ scimBearerToken = $newToken }
        $rotated = Set-AqueraConnection -Id $Hr.Id -BearerToken (New-TestSecret $newToken) -PassThru
        $rotated.Enabled | Should -BeTrue
        (Get-RawStore $Hr.Id).configuration.ACCESS_TOKEN | Should -Be $newToken
        (Test-AqueraConnection -Id $Hr.Id).Success | Should -BeTrue
    }

    It 'Set-AqueraConnection -Credential switches to Basic Auth' {
        $null = Set-AqueraConnection -Id $Hr.Id -Credential (Get-SandboxScimCredential)
        $config = (Get-RawStore $Hr.Id).configuration
        $config.AUTHENTICATION_METHOD | Should -Be 'Basic Auth'
        $config.BASIC_AUTH_PASSWORD | Should -Be $Sandbox.scimPassword
        $config.PSObject.Properties.Name | Should -Not -Contain 'ACCESS_TOKEN'
    }

    It 'Set-AqueraConnection -NewName of an existing connection is AqueraConnectionExists (ResourceExists) and changes nothing' {
        $null = New-TestConnection 'Finance'
        $before = Get-RawStore $Hr.Id | ConvertTo-Json -Depth 5
        $failure = Get-CommandError { Set-AqueraConnection -Id $Hr.Id -NewName 'FINANCE' }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionExists Set-AqueraConnection)
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        Get-RawStore $Hr.Id | ConvertTo-Json -Depth 5 | Should -Be $before
    }

    It 'Set-AqueraConnection -NewName through a pipeline of two renames the first and refuses the second: no two share a name' {
        $finance = New-TestConnection 'Finance'
        $failure = Get-CommandError { $Hr, $finance | Set-AqueraConnection -NewName 'Shared' }
        @($failure).Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionExists Set-AqueraConnection)
        (Get-RawStore $Hr.Id).name | Should -Be 'Shared'
        (Get-RawStore $finance.Id).name | Should -Be 'Finance'
    }

    It 'Set-AqueraConnection -Id may change only the letter case of the name' {
        $changed = Set-AqueraConnection -Id $Hr.Id -NewName 'hr' -PassThru
        $changed.Name | Should -BeExactly 'hr'
        (Get-RawStore $Hr.Id).name | Should -BeExactly 'hr'
    }
}

Describe 'Remove-AqueraConnection' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR'
    }

    It 'is ConfirmImpact High' {
        $attribute = (Get-Command Remove-AqueraConnection).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'asks for confirmation by default, so where nobody can answer nothing is deleted; $ConfirmPreference = ''None'' deletes' {
        $asked = Invoke-ConnectedRunspace { Get-AqueraConnection | Remove-AqueraConnection }
        $asked.Errors.FullyQualifiedErrorId | Should -Be (Get-FullErrorId HostFunctionNotImplemented Remove-AqueraConnection) -Because 'a runspace without a host cannot answer the prompt'
        $asked.Errors.Exception.Message | Should -Match ([regex]::Escape("'HR' ($($Hr.Id))")) -Because 'the prompt names the connection and its id'
        (Get-RawStore $Hr.Id).name | Should -Be 'HR'
        $unasked = Invoke-ConnectedRunspace { $ConfirmPreference = 'None'; Get-AqueraConnection | Remove-AqueraConnection }
        $unasked.Errors | Should -BeNullOrEmpty
        (Get-SandboxStats).stores | Should -Be 0
    }

    It 'with -Confirm:$false deletes the connection' {
        Remove-AqueraConnection -Id $Hr.Id -Confirm:$false
        Get-AqueraConnection | Should -BeNullOrEmpty
        (Get-SandboxStats).stores | Should -Be 0
        @(Get-V1Request -StateChanging | Where-Object method -EQ 'DELETE').Count | Should -Be 1
    }

    It 'by -Name, from the pipeline, and -PassThru writes what was deleted' {
        $null = New-TestConnection 'Finance'
        (Remove-AqueraConnection -Name 'HR' -Confirm:$false -PassThru).Id | Should -Be $Hr.Id
        Get-AqueraConnection -Name 'Finance' | Remove-AqueraConnection -Confirm:$false
        (Get-SandboxStats).stores | Should -Be 0
    }

    It 'with -WhatIf deletes nothing' {
        Remove-AqueraConnection -Id $Hr.Id -WhatIf
        (Get-RawStore $Hr.Id).name | Should -Be 'HR'
        Get-V1Request | Where-Object method -EQ 'DELETE' | Should -BeNullOrEmpty
    }
}
