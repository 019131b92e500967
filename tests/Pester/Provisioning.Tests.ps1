# End to end: a connection and an enabled rule made with the module, the sandbox's propagation engine, and what
# lands in the SCIM service. Each connection preference changes what arrives, in both directions; deprovisioning
# on rule deletion too; and a real third-party SCIM server receives the users. The engine is waited for through
# the sandbox's control API, never by sleeping.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
    $script:DefaultUsers = @('alice.anders', 'bob.baker', 'carol.chen', 'dave.diaz')

    function New-ProvisionedConnection([hashtable] $Preferences) {
        Reset-Sandbox
        $connection = New-TestConnection 'Aquera' -Enabled -Parameters $Preferences
        $null = New-TestRule 'Default users' $connection -Enabled
        Wait-SandboxEngine
        $connection
    }

    function Get-Holding([string] $UserName) { Get-AqueraHoldings | Where-Object userName -EQ $UserName }

    function Get-Status([string] $UserName) { Get-AqueraUserProvisioningStatus -User $UserName -Rule 'Default users' }
}

AfterAll { Stop-ConnectedSandbox }

Describe 'Allow users to be created' {
    It 'on: the rule''s population arrives with the default mappings' {
        $null = New-ProvisionedConnection @{ AllowCreate = $true }
        (Get-AqueraHoldings).userName | Should -Be $DefaultUsers
        $alice = Get-Holding 'alice.anders'
        $alice.name.givenName | Should -Be 'Alice'
        $alice.name.familyName | Should -Be 'Anders'
        ($alice.emails | Where-Object type -EQ 'work').value | Should -Be 'alice.anders@example.com'
        $alice.active | Should -BeTrue
        (Get-Status 'alice.anders').Status | Should -Be 'Success'
    }

    It 'off: nobody arrives and the users are Unsynced; allowing it brings them at the revision' {
        $connection = New-ProvisionedConnection @{ AllowCreate = $false }
        Get-AqueraHoldings | Should -BeNullOrEmpty
        $status = Get-Status 'bob.baker'
        $status.Status | Should -Be 'Unsynced'
        $status.Explanation | Should -Match 'does not allow users to be created'
        $null = $connection | Set-AqueraPreferences -AllowCreate
        Wait-SandboxEngine
        (Get-AqueraHoldings).userName | Should -Be $DefaultUsers
    }
}

Describe 'Allow users to be updated' {
    It '<Allowed>: a changed name <Outcome>' -ForEach @(
        @{ Allowed = 'on'; Update = $true; Outcome = 'reaches Aquera'; Expected = 'Robert'; Status = 'Success' }
        @{ Allowed = 'off'; Update = $false; Outcome = 'does not (Partial)'; Expected = 'Bob'; Status = 'Partial' }
    ) {
        $null = New-ProvisionedConnection @{ AllowCreate = $true; AllowUpdate = $Update }
        $bob = Get-DirectoryUser 'bob.baker'
        $null = Invoke-PingOneApi -Method Patch -Path "users/$($bob.id)" -Body @{ name = @{ given = 'Robert' } }
        Wait-SandboxEngine
        (Get-Holding 'bob.baker').name.givenName | Should -Be $Expected
        (Get-Status 'bob.baker').Status | Should -Be $Status
    }
}

Describe 'Allow users to be disabled' {
    It '<Allowed>: a user disabled in PingOne <Outcome>' -ForEach @(
        @{ Allowed = 'on'; Disable = $true; Outcome = 'is disabled in Aquera'; Active = $false }
        @{ Allowed = 'off'; Disable = $false; Outcome = 'stays active in Aquera'; Active = $true }
    ) {
        $null = New-ProvisionedConnection @{ AllowCreate = $true; AllowUpdate = $true; AllowDisable = $Disable }
        Set-DirectoryUserEnabled 'dave.diaz' $false
        Wait-SandboxEngine
        (Get-Holding 'dave.diaz').active | Should -Be $Active
        (Get-Holding 'carol.chen').active | Should -BeTrue
    }
}

Describe 'Remove action' {
    It '<Action>: a user deleted in PingOne is <Outcome> in Aquera' -ForEach @(
        @{ Action = 'Delete'; Outcome = 'deleted' }
        @{ Action = 'Disable'; Outcome = 'disabled' }
    ) {
        $null = New-ProvisionedConnection @{ AllowCreate = $true; AllowUpdate = $true; RemoveAction = $Action }
        $null = Invoke-PingOneApi -Method Delete -Path "users/$((Get-DirectoryUser 'carol.chen').id)"
        Wait-SandboxEngine
        $carol = Get-Holding 'carol.chen'
        if ($Action -eq 'Delete') { $carol | Should -BeNullOrEmpty } else { $carol.active | Should -BeFalse }
        @(Get-AqueraHoldings).Count | Should -Be ($Action -eq 'Delete' ? 3 : 4)
    }
}

Describe 'Deprovision users on rule deletion' {
    It '<Managed>: deleting the rule with -Deprovision <Outcome>' -ForEach @(
        @{ Managed = 'on'; Deprovision = $true; Outcome = 'removes their accounts'; Left = 0 }
        @{ Managed = 'off'; Deprovision = $false; Outcome = 'keeps their accounts'; Left = 4 }
    ) {
        $null = New-ProvisionedConnection @{ AllowCreate = $true; RemoveAction = 'Delete'; DeprovisionOnRuleDeletion = $Deprovision }
        @(Get-AqueraHoldings).Count | Should -Be 4
        Remove-AqueraProvisioningRule 'Default users' -Deprovision -Confirm:$false -WarningAction SilentlyContinue
        Wait-SandboxEngine
        @(Get-AqueraHoldings).Count | Should -Be $Left
    }

    It 'without -Deprovision the accounts stay even on a connection that deprovisions' {
        $null = New-ProvisionedConnection @{ AllowCreate = $true; RemoveAction = 'Delete'; DeprovisionOnRuleDeletion = $true }
        Remove-AqueraProvisioningRule 'Default users' -Confirm:$false
        Wait-SandboxEngine
        (Get-AqueraHoldings).userName | Should -Be $DefaultUsers
    }
}

Describe 'Rule toggle and scope' {
    It 'a disabled rule sends nothing; enabling it provisions; a user outside the scope is explained' {
        Reset-Sandbox
        $connection = New-TestConnection 'Aquera' -Enabled -Parameters @{ AllowCreate = $true }
        $null = New-TestRule 'Default users' $connection
        Wait-SandboxEngine
        Get-AqueraHoldings | Should -BeNullOrEmpty
        (Get-Status 'alice.anders').Explanation | Should -Match 'the rule is disabled'
        Set-AqueraProvisioningRule 'Default users' -State Enabled
        Wait-SandboxEngine
        (Get-AqueraHoldings).userName | Should -Be $DefaultUsers
        $erin = Get-Status 'erin.evans'
        $erin.Status | Should -Be 'NotSynced'
        $erin.Explanation | Should -Match "population 'Contractors'"
    }

    It 'reads a -Rule given by id once for many users, given or piped' {
        $null = New-ProvisionedConnection @{ AllowCreate = $true }
        $rule = Get-AqueraProvisioningRule -Name 'Default users'
        $ruleRead = "/propagation/rules/$($rule.Id)(\?|$)"
        Clear-SandboxRequests
        $given = Get-AqueraUserProvisioningStatus -User $DefaultUsers -Rule $rule.Id
        $given.Status | Should -Be @('Success', 'Success', 'Success', 'Success')
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -match $ruleRead }).Count | Should -Be 1
        Clear-SandboxRequests
        $piped = $DefaultUsers | Get-AqueraUserProvisioningStatus -Rule $rule.Id
        @($piped).Count | Should -Be 4
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -match $ruleRead }).Count | Should -Be 1
    }

    It 'reports a -Rule that does not resolve for each user, as before' {
        $failures = Get-CommandError { Get-AqueraUserProvisioningStatus -User alice.anders, bob.baker -Rule 'No such rule' -ErrorAction Continue }
        $failures.Count | Should -Be 2
        $failures.FullyQualifiedErrorId | Select-Object -Unique | Should -Be (Get-FullErrorId AqueraRuleNotFound Get-AqueraUserProvisioningStatus)
        $failures.TargetObject | Should -Be @('alice.anders', 'bob.baker')
    }
}

Describe 'A third-party SCIM server' {
    BeforeAll { $script:Scim = Start-ScimServer }
    AfterAll { Stop-ScimServer $script:Scim }

    It 'receives the users of a rule to a connection whose SCIM URL is that server' {
        Reset-Sandbox
        $connection = New-AqueraConnection -Name 'SCIMMY' -ScimUrl $Scim.scimUrl -BearerToken $Scim.BearerSecret -AllowCreate -AllowUpdate -Enabled
        $connection.Enabled | Should -BeTrue -Because 'its connection test passed against the third-party server'
        $rule = New-AqueraProvisioningRule -Name 'To SCIMMY' -Connection $connection -Population Default -State Enabled
        Wait-SandboxEngine
        $users = (Invoke-RestMethod -Uri "$($Scim.scimUrl)/Users?count=100" -Headers $Scim.Headers).Resources
        @($users.userName | Sort-Object) | Should -Be $DefaultUsers
        ($users | Where-Object userName -EQ 'carol.chen').name.familyName | Should -Be 'Chen'
        (Get-AqueraUserProvisioningStatus -User carol.chen -Rule $rule).Status | Should -Be 'Success'
        Get-AqueraHoldings | Should -BeNullOrEmpty -Because 'nothing went to the sandbox''s own SCIM service'
    }
}
