# At the prompt (issue 12 part B): one way to name a connection or a rule (-Name first by position, wildcards,
# -Id by name and from the pipeline), errors that name the input item and record, -WhatIf that tells the
# refusals reads can predict, the preference defaults a new admin sees, views that fit 80 columns, and -Id
# completion. The request log is the witness of what was sent.
BeforeDiscovery {
    $script:ConnectionCmdlets = @(
        @{ Command = 'Set-AqueraConnection'; Change = @{ Description = 'named' } }
        @{ Command = 'Set-AqueraConnectionState'; Change = @{ State = 'Disabled' } }
        @{ Command = 'Set-AqueraPreferences'; Change = @{ AllowUpdate = $true } }
        @{ Command = 'Test-AqueraConnection'; Change = @{} }
        @{ Command = 'Remove-AqueraConnection'; Change = @{ Confirm = $false } }
    )
    $script:RuleCmdlets = @(
        @{ Command = 'Set-AqueraProvisioningRule'; Change = @{ Description = 'named' } }
        @{ Command = 'Remove-AqueraProvisioningRule'; Change = @{ Confirm = $false } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'RuleFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox

    # The targets a cmdlet reached: the ids in the paths of its requests to stores.
    function Get-TouchedStoreId {
        @(Get-SandboxRequests | ForEach-Object { if ($_.path -match '/propagation/stores/([0-9a-f-]{36})') { $Matches[1] } } | Sort-Object -Unique)
    }

    function Get-FirstLine([System.Management.Automation.ErrorRecord] $Record) {
        ($Record.ErrorDetails.Message -split '\r?\n')[0]
    }
}

AfterAll { Stop-ConnectedSandbox }

Describe '<Command> names connections as Get-AqueraConnection does' -ForEach $ConnectionCmdlets {
    BeforeEach {
        Reset-Sandbox
        $script:One = New-TestConnection 'App-1' -Enabled
        $script:Two = New-TestConnection 'App-2' -Enabled
        $script:Other = New-TestConnection 'Other' -Enabled
        $script:Call = $Change
    }

    It 'takes -Name as its first positional parameter, and -Id only by name' {
        $sets = (Get-Command $Command).ParameterSets
        $byName = $sets | Where-Object Name -EQ 'ByName'
        ($byName.Parameters | Where-Object Position -EQ 0).Name | Should -Be 'Name'
        ($byName.Parameters | Where-Object Name -EQ 'Name').ValueFromPipeline | Should -BeTrue
        ($byName.Parameters | Where-Object Name -EQ 'Name').ValueFromPipelineByPropertyName | Should -BeTrue
        $byId = $sets | Where-Object Name -EQ 'ById'
        ($byId.Parameters | Where-Object Name -EQ 'Id').Position | Should -BeLessThan 0
        ($byId.Parameters | Where-Object Name -EQ 'Id').ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-Command $Command).DefaultParameterSet | Should -Be 'ById'
    }

    It 'acts on the connection named by position' {
        Clear-SandboxRequests
        $null = & $Command 'App-1' @Call -ErrorAction Stop
        Get-TouchedStoreId | Should -Be @($One.Id)
    }

    It 'acts on every connection a wildcard matches, and no other' {
        Clear-SandboxRequests
        $null = & $Command -Name 'app-*' @Call -ErrorAction Stop
        Get-TouchedStoreId | Should -Be @(@($One.Id, $Two.Id) | Sort-Object)
    }

    It 'takes names piped as text (by value)' {
        Clear-SandboxRequests
        $null = 'App-1', 'App-2' | & $Command @Call -ErrorAction Stop
        Get-TouchedStoreId | Should -Be @(@($One.Id, $Two.Id) | Sort-Object)
    }

    It 'takes names from a Name property, as Import-Csv rows have them' {
        Clear-SandboxRequests
        $null = "Name`nApp-2" | ConvertFrom-Csv | & $Command @Call -ErrorAction Stop
        Get-TouchedStoreId | Should -Be @($Two.Id)
    }

    It 'binds a piped connection by its Id, and -Id by name' {
        Clear-SandboxRequests
        $null = $Other | & $Command @Call -ErrorAction Stop
        $null = & $Command -Id $One.Id @Call -ErrorAction Stop
        Get-TouchedStoreId | Should -Be @(@($One.Id, $Other.Id) | Sort-Object)
        if ($Command -ne 'Remove-AqueraConnection') {
            # A piped connection needs no listing: it is reached by its id (Remove lists the rules' stores to refuse one in use).
            @(Get-SandboxRequests | Where-Object { $_.method -eq 'GET' -and $_.path -match '/propagation/stores(\?|$)' }) | Should -BeNullOrEmpty
        }
    }

    It 'writes AqueraConnectionNotFound (ObjectNotFound) for a literal name that matches nothing, and changes nothing' {
        Clear-SandboxRequests
        $failure = Get-CommandError { & $Command 'No such app' @Call }
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionNotFound $Command)
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-V1Request -StateChanging | Where-Object { $_.path -notlike '*/connection/status' } | Should -BeNullOrEmpty
    }

    It 'is silent for a wildcard that matches nothing' {
        Get-CommandError { & $Command 'Nothing*' @Call } | Should -BeNullOrEmpty
    }
}

Describe 'Wildcards with ShouldProcess per match' {
    BeforeAll {
        Reset-Sandbox
        $null = New-TestConnection 'App-1'
        $null = New-TestConnection 'App-2'
        $null = New-TestConnection 'Other'
    }

    It '<Command> asks (and -WhatIf tells) once for each connection the wildcard matches' -ForEach @(
        @{ Command = 'Set-AqueraConnectionState'; Run = { Set-AqueraConnectionState 'App-*' Enabled -WhatIf } }
        @{ Command = 'Set-AqueraPreferences'; Run = { Set-AqueraPreferences 'App-*' -AllowCreate -WhatIf } }
        @{ Command = 'Remove-AqueraConnection'; Run = { Remove-AqueraConnection 'App-*' -WhatIf } }
    ) {
        Clear-SandboxRequests
        $whatIf = @(Get-WhatIfText $Run)
        $whatIf | Should -HaveCount 2
        $whatIf[0] | Should -BeLike "*'App-1'*"
        $whatIf[1] | Should -BeLike "*'App-2'*"
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
    }
}

Describe '<Command> names rules the same way' -ForEach $RuleCmdlets {
    BeforeEach {
        Reset-Sandbox
        $hr = New-TestConnection 'HR' -Enabled
        $script:RuleOne = New-TestRule 'Rule-1' $hr
        $script:RuleTwo = New-TestRule 'Rule-2' $hr
        $script:Call = $Change
    }

    It 'takes -Name first by position and from the pipeline, -Id only by name' {
        $byName = (Get-Command $Command).ParameterSets | Where-Object Name -EQ 'ByName'
        ($byName.Parameters | Where-Object Position -EQ 0).Name | Should -Be 'Name'
        ($byName.Parameters | Where-Object Name -EQ 'Name').ValueFromPipeline | Should -BeTrue
        ((Get-Command $Command).ParameterSets | Where-Object Name -EQ 'ById').Parameters | Where-Object Name -EQ 'Id' | ForEach-Object Position | Should -BeLessThan 0
    }

    It 'takes rule names piped as text and as a Name property, and piped rules by Id' {
        $null = 'Rule-1' | & $Command @Call -ErrorAction Stop
        $null = [pscustomobject]@{ Name = 'Rule-2' } | & $Command @Call -ErrorAction Stop
        if ($Command -like 'Set-*') {
            (Get-AqueraProvisioningRule 'Rule-*').Description | Should -Be @('named', 'named')
            $null = Get-AqueraProvisioningRule 'Rule-1' | & $Command -Description 'by id' -ErrorAction Stop
            (Get-AqueraProvisioningRule 'Rule-1').Description | Should -Be 'by id'
        }
        else {
            Get-AqueraProvisioningRule | Should -BeNullOrEmpty
        }
    }

    It 'writes AqueraRuleNotFound (ObjectNotFound) for a literal name that matches nothing' {
        $failure = Get-CommandError { & $Command 'No such rule' @Call }
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleNotFound $Command)
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Errors that point at the input' {
    BeforeEach {
        Reset-Sandbox
        $script:Taken = New-TestConnection 'Taken'
    }

    It 'names the CSV row''s item and its input record number on the first line, the transaction on a later one' {
        $csv = "Name,ScimUrl`nFresh-1,$($Sandbox.scimUrl)`nTaken,$($Sandbox.scimUrl)`nFresh-2,$($Sandbox.scimUrl)"
        $failure = Get-CommandError { $csv | ConvertFrom-Csv | New-AqueraConnection -BearerToken (Get-ScimToken) -AllowCreate -ErrorAction Continue }
        $failure | Should -HaveCount 1
        $first = Get-FirstLine $failure[0]
        $first | Should -BeLike 'Input record 2: *'
        $first | Should -BeLike "*'Taken'*"
        $first | Should -Not -Match 'transaction'
        $failure[0].ErrorDetails.Message | Should -Match '\r?\n\(transaction \S+\)'
        (Get-AqueraConnection 'Fresh-*').Name | Should -Be @('Fresh-1', 'Fresh-2')
    }

    It 'names the item when the fact does not: an id piped by property name that belongs to another environment' {
        $foreign = [pscustomobject]@{ Id = $Taken.Id; EnvironmentId = [guid]::NewGuid().ToString() }
        $failure = Get-CommandError { $Taken, $foreign | Set-AqueraPreferences -AllowCreate }
        $failure | Should -HaveCount 1
        Get-FirstLine $failure[0] | Should -BeLike "Input record 2, '$($Taken.Id)': The connection belongs to environment*"
    }

    It 'gives no record number to a name that a listing after the last record found missing' {
        $failure = Get-CommandError { 'Taken', 'Missing' | Get-AqueraConnection }
        $failure | Should -HaveCount 1
        Get-FirstLine $failure[0] | Should -BeLike "There is no Aquera connection named 'Missing'*"
    }

    It 'keeps the trace of a PingOne failure off the first line' {
        $failure = Get-CommandError { Get-AqueraConnection -Id ([guid]::NewGuid()) }
        $failure | Should -HaveCount 1
        Get-FirstLine $failure[0] | Should -Not -Match 'HTTP 404|correlation id|transaction'
        $failure[0].ErrorDetails.Message | Should -Match '\r?\n\(HTTP 404 .*transaction \S+\)'
    }
}

Describe '-WhatIf tells the refusals the reads predict' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Off = New-TestConnection 'Off'
        $script:Used = New-TestRule 'Uses HR' $Hr
        $script:OffRule = New-TestRule 'Uses Off' $Off
        Clear-SandboxRequests
    }

    It '<Case>: the What if line says it would be refused and why, and nothing that changes state is sent' -ForEach @(
        @{ Case = 'an existing name on New-AqueraConnection'; Why = "*would be refused*'HR' already exists*"
            Run = { New-AqueraConnection HR (Get-TestSandbox).scimUrl -BearerToken (Get-ScimToken) -AllowCreate -WhatIf } }
        @{ Case = 'an existing name on New-AqueraProvisioningRule'; Why = "*would be refused*'Uses HR' already exists*"
            Run = { New-AqueraProvisioningRule 'Uses HR' -Connection HR -Population Default -WhatIf } }
        @{ Case = 'a missing connection on New-AqueraProvisioningRule'; Why = "*would be refused*no Aquera connection named 'Gone'*"
            Run = { New-AqueraProvisioningRule 'New' -Connection Gone -Population Default -WhatIf } }
        @{ Case = 'a rule whose connection is disabled, enabled by Set-AqueraProvisioningRule'; Why = "*would be refused*'Off' is disabled*"
            Run = { Set-AqueraProvisioningRule 'Uses Off' -State Enabled -WhatIf } }
        @{ Case = 'a new rule to a disabled connection, enabled'; Why = "*would be refused*'Off' is disabled*"
            Run = { New-AqueraProvisioningRule 'New' -Connection Off -Population Default -State Enabled -WhatIf } }
        @{ Case = 'a connection in use on Remove-AqueraConnection'; Why = "*would be refused*'HR' is used by*"
            Run = { Remove-AqueraConnection HR -WhatIf } }
        @{ Case = 'a rename to a name in use on Set-AqueraConnection'; Why = "*would be refused*'Off' already exists*"
            Run = { Set-AqueraConnection HR -NewName Off -WhatIf } }
    ) {
        $whatIf = @(Get-WhatIfText $Run)
        $whatIf | Should -HaveCount 1
        $whatIf[0] | Should -BeLike $Why
        $whatIf[0] | Should -Not -BeLike '*Performing the operation*'
        Get-V1Request -StateChanging | Where-Object { $_.path -notlike '*/connection/status' } | Should -BeNullOrEmpty
    }

    It 'without -WhatIf the same refusal is an error, before anything is asked' {
        $failure = Get-CommandError { New-AqueraProvisioningRule 'New' -Connection Off -Population Default -State Enabled -Confirm:$false }
        $failure[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraRuleEnableRefused New-AqueraProvisioningRule)
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
    }

    It 'with -Force a rule to a disabled connection is not predicted refused' {
        $whatIf = @(Get-WhatIfText { Set-AqueraProvisioningRule 'Uses Off' -State Enabled -Force -WhatIf })
        $whatIf | Should -HaveCount 1
        $whatIf[0] | Should -Not -BeLike '*would be refused*'
    }
}

Describe 'Defaults a new admin can see' {
    BeforeEach { Reset-Sandbox }

    It 'New-AqueraConnection warns that a connection with none of the Allow switches provisions nobody' {
        $null = New-AqueraConnection 'Quiet' $Sandbox.scimUrl -BearerToken (Get-ScimToken) -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "*'Quiet' will create, update and disable nobody*-AllowCreate*"
    }

    It 'does not warn when an Allow switch is named, even as $false' {
        $null = New-AqueraConnection 'Creates' $Sandbox.scimUrl -BearerToken (Get-ScimToken) -AllowCreate -WarningVariable warnings -WarningAction SilentlyContinue
        $null = New-AqueraConnection 'Chosen' $Sandbox.scimUrl -BearerToken (Get-ScimToken) -AllowUpdate:$false -WarningVariable more -WarningAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        $more | Should -BeNullOrEmpty
    }

    It 'the help of New-AqueraConnection states every preference default' {
        $help = Get-Help New-AqueraConnection -Full | Out-String -Width 200
        $help | Should -Match 'Allow users to be created\s*\|\s*off'
        $help | Should -Match 'Remove action\s*\|\s*Disable'
        $help | Should -Match 'create, update and disable nobody'
    }
}

Describe 'Views at 80 columns' {
    BeforeAll {
        Reset-Sandbox
        $longUrl = (Get-TestSandbox).scimUrl + '/tenants/contoso-international-holdings/apps/workday-human-resources'
        $script:Long = New-TestConnection ('A connection with a name far longer than any column' * 2) -Parameters @{ ScimUrl = $longUrl; AllowCreate = $true; SkipConnectionTest = $true }
        $script:Hr = New-TestConnection 'HR' -Enabled -Parameters @{ AllowCreate = $true }
        $rule = New-TestRule 'A rule with a rather long name for a table' $Hr
        $script:Samples = @{
            'AqueraProvisioning.Core.AqueraConnection' = { Get-AqueraConnection }
            'AqueraProvisioning.Core.AqueraConnectionTestResult' = { Test-AqueraConnection -Name * }
            'AqueraProvisioning.Core.PingOneContextInfo' = { Get-AqueraPingOneContext }
            'AqueraProvisioning.Core.ScimProbeResult' = { Test-AqueraScimEndpoint -ScimUrl $longUrl -BearerToken (Get-ScimToken) -WarningAction SilentlyContinue }
            'AqueraProvisioning.Core.ScimProbeStageResult' = { (Test-AqueraScimEndpoint -ScimUrl $longUrl -BearerToken (Get-ScimToken) -WarningAction SilentlyContinue).Stages }
            'AqueraProvisioning.Core.AqueraProvisioningRule' = { Get-AqueraProvisioningRule }
            'AqueraProvisioning.Core.AqueraAttributeMapping' = { Get-AqueraAttributeMapping -Rule $rule.Name }
            'AqueraProvisioning.Core.AqueraAttributeMetadata' = { Get-AqueraAttributeMetadata -Connection HR }
            'AqueraProvisioning.Core.AqueraUserProvisioningStatus' = { Get-AqueraUserProvisioningStatus -User carol.chen -Rule $rule.Name }
            'AqueraProvisioning.Core.ConfigurationChange' = { Compare-AqueraConfiguration -Path $planFile }
        }
        # A plan with long names and a long Old -> New change beside unchanged items.
        $planFile = Join-Path $TestDrive 'plan.json'
        Export-AqueraConfiguration -Path $planFile
        $document = Get-Content -Raw -LiteralPath $planFile | ConvertFrom-Json
        $document.Connections[0].Description = 'Workday human resources for every country of the group, provisioned by Aquera'
        $document | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $planFile -Encoding utf8
        [xml] $format = Get-Content -Raw -LiteralPath (Join-Path (Split-Path -Parent (Get-ModuleUnderTestPath)) 'AqueraProvisioning.Format.ps1xml')
        $script:Views = @($format.Configuration.ViewDefinitions.View | ForEach-Object {
                [pscustomobject]@{ Name = $_.Name; Type = $_.ViewSelectedBy.TypeName; Kind = if ($_.TableControl) { 'Table' } elseif ($_.ListControl) { 'List' } else { 'Custom' } }
            })
    }

    It 'has sample objects for the type of every view in the format file' {
        $Views | Where-Object { -not $Samples.ContainsKey($_.Type) } | Should -BeNullOrEmpty
    }

    It 'renders every table and list view with no line over 80 columns' {
        $script:Rendered = @{}
        foreach ($view in $Views | Where-Object Kind -NE 'Custom') {
            $objects = @(& $Samples[$view.Type])
            $objects | Should -Not -BeNullOrEmpty -Because "$($view.Name) needs objects to render"
            $text = switch ($view.Kind) {
                'Table' { $objects | Format-Table -View $view.Name | Out-String -Width 80 }
                'List' { $objects | Format-List -View $view.Name | Out-String -Width 80 }
                default { $objects | Out-String -Width 80 }
            }
            $Rendered[$view.Name] = $text
            foreach ($line in $text -split '\r?\n') { $line.Length | Should -BeLessOrEqual 80 -Because "$($view.Name): '$line'" }
        }
    }

    It 'shortens the SCIM URL from the middle in the table and shows it whole in the list' {
        $table = Get-AqueraConnection -Id $Long.Id | Out-String -Width 80
        $table | Should -Match ([regex]::Escape('http://127.') + '.*' + [char]0x2026 + '.*' + [regex]::Escape('n-resources'))
        $list = Get-AqueraConnection -Id $Long.Id | Format-List | Out-String -Width 80
        ($list -replace '\s*\r?\n\s*', '') | Should -Match ([regex]::Escape($Long.ScimUrl))
    }
}

Describe '-Id completion' {
    BeforeAll {
        Reset-Sandbox
        $script:Payroll = New-TestConnection 'HR-Payroll' -Enabled
        $script:Benefits = New-TestConnection 'HR Benefits'
        $script:Rule = New-TestRule 'Payroll users' $Payroll
        $null = Get-AqueraConnection
        $null = Get-AqueraProvisioningRule
    }

    It 'shows connection names and inserts their ids on <Command>' -ForEach @(
        @{ Command = 'Set-AqueraConnectionState' }, @{ Command = 'Remove-AqueraConnection' }, @{ Command = 'Get-AqueraConnection' }, @{ Command = 'Test-AqueraConnection' }
    ) {
        Clear-SandboxRequests
        $line = "$Command -Id HR"
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $found.ListItemText | Should -Be @('HR Benefits', 'HR-Payroll')
        $found.CompletionText | Should -Be @($Benefits.Id, $Payroll.Id)
        Get-SandboxRequests | Should -BeNullOrEmpty
    }

    It 'shows rule names and inserts their ids on the rule cmdlets' {
        $line = 'Set-AqueraProvisioningRule -Id pay'
        $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $found.ListItemText | Should -Be 'Payroll users'
        $found.CompletionText | Should -Be $Rule.Id
    }

    It 'completes a pasted id prefix too' {
        $line = "Set-AqueraPreferences -Id $($Payroll.Id.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be $Payroll.Id
    }
}
