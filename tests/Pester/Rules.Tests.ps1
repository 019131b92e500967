# The rule cmdlets against the sandbox: create in the console's order, list, change, enable, delete; the
# environment's one plan and directory store; -WhatIf and one revision per invocation. What the rules provision
# into SCIM is in Provisioning.Tests.ps1, the mappings in Mappings.Tests.ps1.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
}

AfterAll { Stop-ConnectedSandbox }

Describe 'New-AqueraProvisioningRule' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled -Parameters @{ AllowCreate = $true }
    }

    It 'creates the plan and the directory store, then the rule disabled, then its mappings, then enables it, with one revision' {
        Clear-SandboxRequests
        $revisions = Get-RevisionCount
        $rule = New-AqueraProvisioningRule -Name 'Default to HR' -Connection HR -Population Default -State Enabled
        $writes = @(Get-V1Request -StateChanging | Where-Object { $_.path -notlike '*/connection/status' -and $_.path -notlike '*/storeMetadata/*' } |
                ForEach-Object { "$($_.method) $($_.path -replace '^.*?/propagation/', '')" })
        $writes | Should -Be @(
            'POST plans', 'POST stores', "POST plans/$($rule.PlanId)/rules"
            "POST rules/$($rule.Id)/mappings", "POST rules/$($rule.Id)/mappings", "POST rules/$($rule.Id)/mappings", "POST rules/$($rule.Id)/mappings"
            "PUT plans/$($rule.PlanId)", "PUT rules/$($rule.Id)", 'POST revisions')
        $rule.GetType().FullName | Should -Be 'AqueraProvisioning.Core.AqueraProvisioningRule'
        $rule.Enabled | Should -BeTrue
        $rule.ConnectionName | Should -Be 'HR'
        $rule.ConnectionId | Should -Be $Hr.Id
        "$($rule.Populations)" | Should -Be 'Default'
        $rule.Mappings.Target | Should -Be @('userName', 'name.givenName', 'name.familyName', 'emails[type eq "work"].value')
        (Get-RevisionCount) - $revisions | Should -Be 1
    }

    It 'sends one transaction id on every request of the invocation, and fills -Target completion with the connection''s attributes' {
        Clear-SandboxRequests
        $null = New-AqueraProvisioningRule -Name 'Traced' -Connection HR -Population Default -State Enabled
        @(Get-V1Request | ForEach-Object transactionId | Select-Object -Unique) | Should -HaveCount 1
        (Get-V1Request)[0].transactionId | Should -Match '^aquera-ps-[0-9a-f]{20}$'
        $line = 'Add-AqueraAttributeMapping -Rule Traced -Target name.m'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'name.middleName' -Because 'the SCIM service''s schema has it and New-AqueraProvisioningRule read it'
    }

    It 'takes the connection from the pipeline and leaves the rule disabled unless asked' {
        $rule = $Hr | New-AqueraProvisioningRule -Name 'Piped' -Population Default -Group Sales -Filter 'title sw "Account"'
        $rule.Enabled | Should -BeFalse
        $rule.ConnectionId | Should -Be $Hr.Id
        "$($rule.Groups)" | Should -Be 'Sales'
        $rule.Filter | Should -Be 'title sw "Account"'
        $rule.PopulationExpression | Should -Be '(population.id eq "7a1d0c52-0000-4000-8000-000000000001") and (title sw "Account")'
    }

    It 'reuses the console''s plan and directory store and never makes a second of either' {
        $null = Invoke-SandboxControl -Method Post -Path 'seed-console'
        $null = New-TestRule 'First' HR
        $null = New-TestRule 'Second' HR -Population Contractors
        $null = New-TestRule 'Third' $Hr -Parameters @{ NoDefaultMappings = $true }
        Get-PlanCount | Should -Be 1
        Get-DirectoryStoreCount | Should -Be 1
        (Get-AqueraProvisioningRule).PlanId | Select-Object -Unique | Should -Be (Invoke-PingOneApi -Path 'propagation/plans')._embedded.plans[0].id
        Get-V1Request -StateChanging | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/propagation/plans' } | Should -BeNullOrEmpty
    }

    It 'refuses to enable a rule whose connection is disabled, naming the connection, and creates nothing' {
        $null = New-TestConnection 'Off'
        Clear-SandboxRequests
        $failure = Get-CommandError { New-AqueraProvisioningRule -Name 'Never' -Connection Off -Population Default -State Enabled }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleEnableRefused New-AqueraProvisioningRule)
        $failure.Exception.Message | Should -Match "connection 'Off' is disabled"
        $failure.ErrorDetails.Message | Should -Match 'Set-AqueraConnectionState -State Enabled'
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        Get-AqueraProvisioningRule | Should -BeNullOrEmpty
    }

    It 'refuses to enable a rule whose connection fails its test, unless -Force' {
        $null = New-TestConnection 'Broken' -Enabled -Parameters @{ BearerToken = New-TestSecret 'refused-token'; SkipConnectionTest = $true }
        $failure = Get-CommandError { New-AqueraProvisioningRule -Name 'Refused' -Connection Broken -Population Default -State Enabled }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleEnableRefused New-AqueraProvisioningRule)
        $failure.Exception.Message | Should -Match "'Broken'.*401"
        (New-AqueraProvisioningRule -Name 'Forced' -Connection Broken -Population Default -State Enabled -Force).Enabled | Should -BeTrue
    }

    It 'an unknown population lists the close names and nothing is created' {
        Clear-SandboxRequests
        $failure = Get-CommandError { New-AqueraProvisioningRule -Name 'Typo' -Connection HR -Population Contractor }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraPopulationNotFound New-AqueraProvisioningRule)
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.Exception.Message | Should -Match "Close matches: 'Contractors'"
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
    }

    It 'a rule with no population, group or filter is refused before any request' {
        Clear-SandboxRequests
        $failure = Get-CommandError { New-AqueraProvisioningRule -Name 'Nobody' -Connection $Hr }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleScopeRequired New-AqueraProvisioningRule)
        $failure.ErrorDetails.Message | Should -Match '-Population'
        Get-SandboxRequests | Should -BeNullOrEmpty
    }

    It 'a name in use is AqueraRuleExists; a pipeline of new rules lists the rules once' {
        $null = New-TestRule 'Taken' HR
        (Get-CommandError { New-AqueraProvisioningRule -Name 'TAKEN' -Connection HR -Population Default }).FullyQualifiedErrorId |
            Should -Be (Get-FullErrorId AqueraRuleExists New-AqueraProvisioningRule)
        Clear-SandboxRequests
        $second = New-TestConnection 'Payroll' -Enabled
        Clear-SandboxRequests
        $Hr, $second | New-AqueraProvisioningRule -Name 'Same name' -Population Default -ErrorVariable failures -ErrorAction SilentlyContinue | Should -HaveCount 1
        $failures.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleExists New-AqueraProvisioningRule)
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/propagation/rules' }).Count | Should -Be 1
    }
}

Describe 'Get-AqueraProvisioningRule' {
    BeforeAll {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Zoom = New-TestConnection 'Zoom' -Enabled
        $script:A = New-TestRule 'HR default' $Hr
        $script:B = New-TestRule 'HR contractors' $Hr -Population Contractors
        $script:C = New-TestRule 'Zoom all' $Zoom -Population Default, Contractors
    }

    It 'lists every rule to an Aquera connection, with wildcards and case-insensitively' {
        @(Get-AqueraProvisioningRule).Name | Should -Be @('HR default', 'HR contractors', 'Zoom all')
        @(Get-AqueraProvisioningRule 'hr *').Name | Should -Be @('HR default', 'HR contractors')
        Get-CommandError { Get-AqueraProvisioningRule 'nothing*' } | Should -BeNullOrEmpty
    }

    It 'a literal name that matches nothing is a non-terminating AqueraRuleNotFound' {
        $found = Get-AqueraProvisioningRule 'Zoom all', 'No such' -ErrorVariable failures -ErrorAction SilentlyContinue
        $found.Name | Should -Be 'Zoom all'
        $failures[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleNotFound Get-AqueraProvisioningRule)
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'No such'
    }

    It 'piped connections list their rules, with one listing for all of them' {
        Clear-SandboxRequests
        @($Zoom | Get-AqueraProvisioningRule).Name | Should -Be 'Zoom all'
        @(Get-AqueraConnection | Get-AqueraProvisioningRule 'HR*').Name | Should -Be @('HR default', 'HR contractors')
        @(Get-AqueraProvisioningRule -Connection Zoom).Name | Should -Be 'Zoom all'
    }

    It 'gets by -Id and re-reads piped rules; names of populations come back' {
        (Get-AqueraProvisioningRule -Id $C.Id).Name | Should -Be 'Zoom all'
        ($A, $C | Get-AqueraProvisioningRule).Name | Should -Be @('HR default', 'Zoom all')
        @((Get-AqueraProvisioningRule -Id $C.Id).Populations.Name) | Should -Be @('Default', 'Contractors')
    }

    It 'the table view fits 80 columns and shows connection and scope' {
        $text = Get-AqueraProvisioningRule | Format-Table | Out-String -Width 80
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $text | Should -Match 'Zoom all\s+False\s+Zoom\s+Default, Contractors'
    }

    It 'completes rule names from what the rule cmdlets read, without any request' {
        $null = Get-AqueraProvisioningRule
        Clear-SandboxRequests
        $line = 'Set-AqueraProvisioningRule -Name HR'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'HR contractors'", "'HR default'")
        Get-SandboxRequests | Should -BeNullOrEmpty
    }
}

Describe 'Set-AqueraProvisioningRule' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Default users' $Hr
    }

    It 'renames and narrows with a filter, keeping the populations, in one PUT' {
        Clear-SandboxRequests
        $changed = Set-AqueraProvisioningRule 'Default users' -NewName 'Account executives' -Filter 'title sw "Account"' -PassThru
        $changed.Name | Should -Be 'Account executives'
        "$($changed.Populations)" | Should -Be 'Default'
        $changed.Filter | Should -Be 'title sw "Account"'
        @(Get-V1Request -StateChanging | Where-Object method -EQ 'PUT').Count | Should -Be 1
    }

    It 'enables a rule (the console''s toggle) only while its connection is enabled' {
        $null = $Hr | Set-AqueraConnectionState -State Disabled
        $failure = Get-CommandError { Set-AqueraProvisioningRule 'Default users' -State Enabled }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleEnableRefused Set-AqueraProvisioningRule)
        $failure.Exception.Message | Should -Match "'HR' is disabled"
        (Get-AqueraProvisioningRule 'Default users').Enabled | Should -BeFalse
        $null = $Hr | Set-AqueraConnectionState -State Enabled
        (Set-AqueraProvisioningRule 'Default users' -State Enabled -PassThru).Enabled | Should -BeTrue
    }

    It 'sends nothing and creates no revision when the rule already is as asked' {
        Clear-SandboxRequests
        $revisions = Get-RevisionCount
        Set-AqueraProvisioningRule 'Default users' -State Disabled -Population default
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        Get-RevisionCount | Should -Be $revisions
    }

    It 'asks nothing of a rule without a change: AqueraConflictingParameters names what can change' {
        $failure = Get-CommandError { Set-AqueraProvisioningRule 'Default users' }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConflictingParameters Set-AqueraProvisioningRule)
        $failure.ErrorDetails.Message | Should -Match '-NewName, -Description, -Population, -Group, -Filter or -State'
    }

    It 'changes every rule a wildcard matches, confirming each, with one revision for all' {
        $null = New-TestRule 'Default contractors' $Hr -Population Contractors
        $whatIf = Get-WhatIfText { Set-AqueraProvisioningRule 'Default*' -Description 'x' -WhatIf }
        $whatIf | Should -HaveCount 2
        $whatIf[1] | Should -BeLike "*'Default contractors' to 'HR'*"
        $revisions = Get-RevisionCount
        Get-AqueraProvisioningRule | Set-AqueraProvisioningRule -Description 'Provisioned by the module'
        (Get-AqueraProvisioningRule).Description | Should -Be @('Provisioned by the module', 'Provisioned by the module')
        (Get-RevisionCount) - $revisions | Should -Be 1
    }

    It 'refuses a piped rule from another environment' {
        $foreign = Get-AqueraProvisioningRule 'Default users'
        $foreign.EnvironmentId = [guid]::NewGuid().ToString()
        $failure = Get-CommandError { $foreign | Set-AqueraProvisioningRule -Description 'x' }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConflictingParameters Set-AqueraProvisioningRule)
        $failure.Exception.Message | Should -Match 'The rule belongs to environment'
    }
}

Describe 'Remove-AqueraProvisioningRule' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Doomed' $Hr
    }

    It 'asks for confirmation (ConfirmImpact High)' {
        $attribute = (Get-Command Remove-AqueraProvisioningRule).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'deletes the mappings, then the rule' {
        Clear-SandboxRequests
        Remove-AqueraProvisioningRule 'Doomed' -Confirm:$false
        $deletes = @(Get-V1Request -StateChanging | Where-Object method -EQ 'DELETE')
        $deletes.Count | Should -Be 5
        $deletes[-1].path | Should -BeLike "*/propagation/rules/$($Rule.Id)"
        $deletes[-1].query | Should -BeNullOrEmpty
        Get-AqueraProvisioningRule | Should -BeNullOrEmpty
    }

    It '-Deprovision sends deprovision=true and warns when the connection does not deprovision on rule deletion' {
        $removed = $Rule | Remove-AqueraProvisioningRule -Deprovision -Confirm:$false -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $removed.Name | Should -Be 'Doomed'
        (Get-V1Request | Where-Object method -EQ 'DELETE')[-1].query | Should -Be 'deprovision=true'
        "$warnings" | Should -Match "'HR' does not deprovision users on rule deletion.*deprovisioned nobody"
    }

    It 'does not warn when the connection deprovisions on rule deletion' {
        $null = $Hr | Set-AqueraPreferences -DeprovisionOnRuleDeletion
        Remove-AqueraProvisioningRule 'Doomed' -Deprovision -Confirm:$false -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'Remove-AqueraConnection of a connection that rules use' {
    BeforeAll {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $null = New-TestRule 'Alpha' $Hr
        $null = New-TestRule 'Beta' $Hr -Population Contractors
    }

    It 'refuses with an error that names the rules, sends no delete, and has no -Force to get around it' {
        Clear-SandboxRequests
        $failure = Get-CommandError { Remove-AqueraConnection -Name HR -Confirm:$false }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionInUse Remove-AqueraConnection)
        $failure.Exception.Message | Should -Match "rules 'Alpha', 'Beta'"
        $failure.ErrorDetails.Message | Should -Match 'Remove-AqueraProvisioningRule'
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        (Get-Command Remove-AqueraConnection).Parameters.Keys | Should -Not -Contain 'Force'
        Get-AqueraConnection HR | Should -Not -BeNullOrEmpty
    }
}

Describe 'Every rule and mapping cmdlet' {
    BeforeAll {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Existing' $Hr
        $null = Add-AqueraAttributeMapping -Rule $Rule -Target title -Source title
    }

    It '<Command> -WhatIf sends no state-changing request and creates no revision' -ForEach @(
        @{ Command = 'New-AqueraProvisioningRule'; Run = { New-AqueraProvisioningRule -Name 'Would be' -Connection HR -Population Default -State Enabled -WhatIf } }
        @{ Command = 'Set-AqueraProvisioningRule'; Run = { Set-AqueraProvisioningRule 'Existing' -State Enabled -Filter 'title pr' -WhatIf } }
        @{ Command = 'Remove-AqueraProvisioningRule'; Run = { Remove-AqueraProvisioningRule 'Existing' -Deprovision -WhatIf } }
        @{ Command = 'Add-AqueraAttributeMapping'; Run = { Add-AqueraAttributeMapping -Rule 'Existing' -Target nickName -Source nickname -WhatIf } }
        @{ Command = 'Set-AqueraAttributeMapping'; Run = { Set-AqueraAttributeMapping -Rule 'Existing' -Target title -Expression 'user.title' -WhatIf } }
        @{ Command = 'Remove-AqueraAttributeMapping'; Run = { Remove-AqueraAttributeMapping -Rule 'Existing' -Target '*' -WhatIf } }
    ) {
        Clear-SandboxRequests
        $revisions = Get-RevisionCount

        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        Get-RevisionCount | Should -Be $revisions
        (Get-AqueraAttributeMapping -Rule 'Existing').Count | Should -Be 5
    }
}
