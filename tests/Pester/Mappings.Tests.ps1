# The mapping cmdlets and the attribute metadata against the sandbox: list, add (one and many from a CSV), change,
# delete on whichever path the tenant takes, the natural key (rule, target), one revision per invocation, and
# -Target completion from what the metadata cmdlet read.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox

    function Get-StoredMapping([string] $Target) {
        (Get-AqueraAttributeMapping -Rule 'Mapped' -Target $Target)
    }
}

AfterAll { Stop-ConnectedSandbox }

Describe 'Get-AqueraAttributeMapping' {
    BeforeAll {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Mapped' $Hr
    }

    It 'lists a rule''s mappings as typed objects, by rule object, name or id, or piped rules' {
        $mappings = Get-AqueraAttributeMapping -Rule $Rule
        $mappings[0].GetType().FullName | Should -Be 'AqueraProvisioning.Core.AqueraAttributeMapping'
        $mappings.Target | Should -Be @('userName', 'name.givenName', 'name.familyName', 'emails[type eq "work"].value')
        $mappings.RuleName | Select-Object -Unique | Should -Be 'Mapped'
        (Get-AqueraAttributeMapping 'Mapped').Count | Should -Be 4
        (Get-AqueraAttributeMapping -Rule $Rule.Id).Count | Should -Be 4
        ($Rule | Get-AqueraAttributeMapping).Count | Should -Be 4
    }

    It 'takes * and ? in -Target while brackets stay literal' {
        (Get-AqueraAttributeMapping -Rule Mapped -Target 'name.*').Target | Should -Be @('name.givenName', 'name.familyName')
        (Get-AqueraAttributeMapping -Rule Mapped -Target 'emails[type eq "work"].value').Source | Should -Be 'email'
        $missing = Get-CommandError { Get-AqueraAttributeMapping -Rule Mapped -Target 'title' }
        $missing.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraMappingNotFound Get-AqueraAttributeMapping)
    }

    It 'reads the rule of many mappings by id once, and once for many piped mappings' {
        $ruleRead = "/propagation/rules/$($Rule.Id)(\?|$)"
        $mappings = Get-AqueraAttributeMapping -Rule $Rule
        Clear-SandboxRequests
        $byId = Get-AqueraAttributeMapping -Id $mappings.Id
        $byId.Target | Should -Be $mappings.Target
        $byId.RuleName | Select-Object -Unique | Should -Be 'Mapped'
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -match $ruleRead }).Count | Should -Be 1
        Clear-SandboxRequests
        $mappings | Remove-AqueraAttributeMapping -WhatIf
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -match $ruleRead }).Count | Should -Be 1
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
    }

    It 'an unknown rule is AqueraRuleNotFound' {
        (Get-CommandError { Get-AqueraAttributeMapping -Rule 'No such rule' }).FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleNotFound Get-AqueraAttributeMapping)
    }

    It 'the table view fits 80 columns' {
        $text = Get-AqueraAttributeMapping -Rule Mapped | Format-Table | Out-String -Width 80
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $text | Should -Match 'Mapped\s+emails\[type eq "work"\]\.value\s+email'
    }
}

Describe 'Add-AqueraAttributeMapping' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Mapped' $Hr
    }

    It 'adds a source mapping and an expression mapping, each named after what it does' {
        $title = Add-AqueraAttributeMapping -Rule Mapped -Target title -Source title
        $display = $Rule | Add-AqueraAttributeMapping -Target displayName -Expression "user.name.given + ' ' + user.name.family"
        $title.Source | Should -Be 'title'
        $title.Name | Should -Be 'title -> title'
        $display.Expression | Should -Be "user.name.given + ' ' + user.name.family"
        $display.Source | Should -BeNullOrEmpty
        $display.Type | Should -Be 'User'
    }

    It 'adds many from a CSV with one listing of the rule''s mappings and one revision' {
        $csv = Join-Path $TestDrive 'mappings.csv'
        @(
            'Target,Source,Expression,Type'
            'title,title,,'
            'phoneNumbers[type eq "mobile"].value,mobilePhone,,User'
            'nickName,,#string.lower(user.name.given),'
        ) | Set-Content -LiteralPath $csv
        Clear-SandboxRequests
        $revisions = Get-RevisionCount
        $added = Import-Csv -LiteralPath $csv | Add-AqueraAttributeMapping -Rule $Rule
        $added.Target | Should -Be @('title', 'phoneNumbers[type eq "mobile"].value', 'nickName')
        $added[2].Expression | Should -Be '#string.lower(user.name.given)'
        (Get-RevisionCount) - $revisions | Should -Be 1
        @(Get-V1Request | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/mappings' }).Count | Should -Be 1
        (Get-AqueraAttributeMapping -Rule Mapped).Count | Should -Be 7
    }

    It 'refuses a target the rule already maps (any case): AqueraMappingExists, nothing sent' {
        Clear-SandboxRequests
        $failure = Get-CommandError { Add-AqueraAttributeMapping -Rule Mapped -Target USERNAME -Source email }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraMappingExists Add-AqueraAttributeMapping)
        $failure.CategoryInfo.Category | Should -Be 'ResourceExists'
        $failure.ErrorDetails.Message | Should -Match 'Set-AqueraAttributeMapping'
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
    }

    It 'refuses <Case> before any request: AqueraInvalidMapping' -ForEach @(
        @{ Case = 'neither source nor expression'; Parameters = @{ Target = 'title' } }
        @{ Case = 'both source and expression'; Parameters = @{ Target = 'title'; Source = 'title'; Expression = 'user.title' } }
        @{ Case = 'an empty target'; Parameters = @{ Target = ' '; Source = 'title' } }
    ) {
        Clear-SandboxRequests
        $failure = Get-CommandError { Add-AqueraAttributeMapping -Rule $Rule @Parameters }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraInvalidMapping Add-AqueraAttributeMapping)
        Get-SandboxRequests | Should -BeNullOrEmpty
    }

    It 'passes PingOne''s refusal of a source the directory does not have' {
        $failure = Get-CommandError { Add-AqueraAttributeMapping -Rule Mapped -Target title -Source jobTitle }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraInvalidRequest Add-AqueraAttributeMapping)
        $failure.ErrorDetails.Message | Should -Match 'sourceAttribute'
    }
}

Describe 'Set-AqueraAttributeMapping and Remove-AqueraAttributeMapping' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Mapped' $Hr
        $null = Add-AqueraAttributeMapping -Rule Mapped -Target displayName -Source name.formatted
    }

    It 'an expression replaces the source, and the generated name follows' {
        $changed = Set-AqueraAttributeMapping -Rule Mapped -Target displayName -Expression "user.name.given + ' ' + user.name.family" -PassThru
        $changed.Source | Should -BeNullOrEmpty
        $changed.Expression | Should -Be "user.name.given + ' ' + user.name.family"
        $changed.Name | Should -Be "user.name.given + ' ' + user.name.family -> displayName"
    }

    It 'moves a piped mapping to another target; a target the rule maps already is refused' {
        $moved = Get-StoredMapping 'displayName' | Set-AqueraAttributeMapping -NewTarget nickName -PassThru
        $moved.Target | Should -Be 'nickName'
        $failure = Get-CommandError { Set-AqueraAttributeMapping -Rule Mapped -Target nickName -NewTarget userName }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraMappingExists Set-AqueraAttributeMapping)
        $failure.ErrorDetails.Message | Should -Not -Match 'Set-AqueraAttributeMapping'
    }

    It 'sends nothing and creates no revision when the mapping already is as asked' {
        Clear-SandboxRequests
        $revisions = Get-RevisionCount
        Set-AqueraAttributeMapping -Rule Mapped -Target displayName -Source name.formatted
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        Get-RevisionCount | Should -Be $revisions
    }

    It 'deletes by target with wildcards, and piped mappings by id, one revision per invocation' {
        $revisions = Get-RevisionCount
        $removed = Remove-AqueraAttributeMapping -Rule Mapped -Target 'name.*' -Confirm:$false -PassThru
        $removed.Target | Should -Be @('name.givenName', 'name.familyName')
        Get-StoredMapping 'displayName' | Remove-AqueraAttributeMapping -Confirm:$false
        (Get-AqueraAttributeMapping -Rule Mapped).Target | Should -Be @('userName', 'emails[type eq "work"].value')
        (Get-RevisionCount) - $revisions | Should -Be 2
    }

    # One session runs both cases: each path is learnt (and the other refused) once, whatever was remembered before.
    It 'deletes on the path the tenant takes (<Path>), learning it once' -ForEach @(
        @{ Path = 'singular'; Refusals = 1 }
        @{ Path = 'plural'; Refusals = 1 }
    ) {
        Set-SandboxSettings @{ mappingDeletePath = $Path } | Out-Null
        Clear-SandboxRequests
        Remove-AqueraAttributeMapping -Rule Mapped -Target 'name.*', 'displayName' -Confirm:$false
        (Get-AqueraAttributeMapping -Rule Mapped).Count | Should -Be 2
        @(Get-V1Request | Where-Object { $_.method -eq 'DELETE' -and $_.status -ge 400 }).Count | Should -Be $Refusals
    }
}

Describe 'Get-AqueraAttributeMetadata' {
    BeforeAll {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Rule = New-TestRule 'Mapped' $Hr
    }

    It 'writes the Aquera attributes with their types and whether they are required' {
        $attributes = Get-AqueraAttributeMetadata -Connection HR
        $userName = $attributes | Where-Object Name -EQ 'userName'
        $userName.GetType().FullName | Should -Be 'AqueraProvisioning.Core.AqueraAttributeMetadata'
        $userName.Required | Should -BeTrue
        $userName.Type | Should -Be 'string'
        $userName.ConnectionName | Should -Be 'HR'
        ($attributes | Where-Object Name -EQ 'name.givenName').Required | Should -BeFalse
        @($Hr | Get-AqueraAttributeMetadata -Name 'urn:*:department').Name | Should -Be 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'
    }

    It 'reads the answer in either body and answer shape (<Body>, <Shape>)' -ForEach @(
        @{ Body = 'flat'; Shape = 'map' }
        @{ Body = 'wrapped'; Shape = 'list' }
    ) {
        Set-SandboxSettings @{ storeMetadataBody = $Body; storeMetadataShape = $Shape } | Out-Null
        (Get-AqueraAttributeMetadata HR | Where-Object Name -EQ 'userName').Required | Should -BeTrue
        Set-SandboxSettings @{ storeMetadataBody = 'any'; storeMetadataShape = 'list' } | Out-Null
    }

    It 'sends the connection''s secret only to PingOne: Verbose, Debug, output and errors never show it' {
        $basic = New-TestConnection 'Basic' -Basic -Enabled
        $seen = & {
            'HR', 'Basic' | Get-AqueraAttributeMetadata -Verbose -Debug
            New-TestRule 'Seen' $basic -Enabled -Parameters @{ Verbose = $true; Debug = $true }
        } *>&1 | Get-RenderedText
        $seen | Should -Match 'storeMetadata/Aquera body: .*"ACCESS_TOKEN":"\*\*\*"' -Because 'the body is logged, redacted'
        Assert-NoSecret $seen $Sandbox.scimBearerToken, $Sandbox.scimPassword
    }

    It 'the table view fits 80 columns' {
        $text = Get-AqueraAttributeMetadata HR | Select-Object -First 8 | Format-Table | Out-String -Width 80
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It '-Target completes from the metadata read for the rule''s connection, else from the static list, without any request' {
        $null = Get-AqueraProvisioningRule
        $null = Get-AqueraAttributeMetadata HR
        Clear-SandboxRequests
        $line = 'Add-AqueraAttributeMapping -Rule NotSeenYet -Target name.'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('name.givenName', 'name.familyName', 'name.formatted')
        $line = 'Add-AqueraAttributeMapping -Rule Mapped -Target name.'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'name.middleName' -Because 'the SCIM service''s own schema has it, the static list does not'
        $line = 'Set-AqueraAttributeMapping -Rule Mapped -Target emails'
        $emails = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $emails | Should -Contain "'emails[type eq `"work`"].value'" -Because 'a path with brackets, spaces and quotes completes quoted'
        $emails | Should -Contain "'emails[type eq `"home`"].value'"
        Get-SandboxRequests | Should -BeNullOrEmpty
    }
}
