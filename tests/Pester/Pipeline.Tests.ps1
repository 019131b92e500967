# The rules that cut across the cmdlets: the pipeline enable scenario, one failure not stopping the rest, one
# revision per invocation, -WhatIf sending nothing, error ids and categories, the transaction id, and the shell
# comfort (declared output types, views, tab completion, progress). The request log is the witness of what was sent.
BeforeDiscovery {
    $script:Targeting = @(
        @{ Command = 'Get-AqueraConnection'; Line = 'Get-AqueraConnection -Id {0}' }
        @{ Command = 'Test-AqueraConnection'; Line = 'Test-AqueraConnection -Id {0}' }
        @{ Command = 'Set-AqueraConnectionState'; Line = 'Set-AqueraConnectionState -Id {0} -State Enabled' }
        @{ Command = 'Set-AqueraPreferences'; Line = 'Set-AqueraPreferences -Id {0} -AllowCreate' }
        @{ Command = 'Set-AqueraConnection'; Line = 'Set-AqueraConnection -Id {0} -Description x' }
        @{ Command = 'Remove-AqueraConnection'; Line = 'Remove-AqueraConnection -Id {0} -Confirm:$false' }
    )
    $script:NeedSession = $script:Targeting + @(
        @{ Command = 'New-AqueraConnection'; Line = 'New-AqueraConnection -Name x -ScimUrl https://aquera.example/scim -BearerToken (ConvertTo-SecureString t -AsPlainText -Force) -WhatIf' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
    $script:Module = Get-Module AqueraProvisioning

    function Invoke-Line([string] $Line, [string] $Id) { & ([scriptblock]::Create(($Line -f $Id))) }
}

AfterAll { Stop-ConnectedSandbox }

Describe 'Get-AqueraConnection | Where-Object { -not $_.Enabled } | Set-AqueraConnectionState -State Enabled' {
    BeforeEach {
        Reset-Sandbox
        $script:Live = New-TestConnection 'Live' -Enabled
        $script:Apps = @(
            New-TestConnection 'App-1'
            New-TestConnection 'App-2-invalid' -Invalid
            New-TestConnection 'App-3'
            New-TestConnection 'App-4' -Basic
        )
        $script:Invalid = $Apps[1]
    }

    It 'enables the valid ones; the invalid one is a non-terminating AqueraEnableRefused, stays disabled, and the rest go on' {
        $enabled = Get-AqueraConnection | Where-Object { -not $_.Enabled } | Set-AqueraConnectionState -State Enabled -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue
        $enabled.Name | Should -Be @('App-1', 'App-3', 'App-4')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraEnableRefused Set-AqueraConnectionState)
        $failures[0].TargetObject | Should -Be $Invalid.Id
        $failures[0].Exception.Message | Should -Match '401 Unauthorized'
        $Apps | ForEach-Object { (Get-RawStore $_.Id).status } | Should -Be @('ACTIVE', 'INACTIVE', 'ACTIVE', 'ACTIVE')
        (Get-RawStore $Live.Id).status | Should -Be 'ACTIVE'
    }

    It '-Force enables the invalid one, with a warning' {
        $null = Get-AqueraConnection | Where-Object { -not $_.Enabled } | Set-AqueraConnectionState -State Enabled -Force -WarningVariable warnings -WarningAction SilentlyContinue
        $Apps | ForEach-Object { (Get-RawStore $_.Id).status } | Should -Be @('ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE')
        "$warnings" | Should -Match 'App-2-invalid'
    }

    It 'makes exactly one revision for the whole pipeline' {
        $before = Get-RevisionCount
        $null = Get-AqueraConnection | Where-Object { -not $_.Enabled } | Set-AqueraConnectionState -State Enabled -ErrorAction SilentlyContinue
        (Get-RevisionCount) - $before | Should -Be 1
    }
}

Describe 'Piped objects' {
    BeforeEach {
        Reset-Sandbox
        $script:Five = 1..5 | ForEach-Object { New-TestConnection "Conn-$_" }
        $script:Revisions = Get-RevisionCount
        Clear-SandboxRequests
    }

    It 'a failure on one piped object does not stop the rest' {
        $piped = @(
            [pscustomobject]@{ Id = $Five[0].Id }
            [pscustomobject]@{ Id = [guid]::NewGuid().ToString() }
            [pscustomobject]@{ Id = 'not-an-id' }
            [pscustomobject]@{ Id = $Five[1].Id }
        )
        $piped | Set-AqueraPreferences -AllowCreate -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.FullyQualifiedErrorId | Should -Be @((Get-FullErrorId AqueraConnectionNotFound Set-AqueraPreferences), (Get-FullErrorId AqueraInvalidId Set-AqueraPreferences))
        $Five[0..1] | ForEach-Object { (Get-RawStore $_.Id).configuration.CREATE_USERS } | Should -Be @($true, $true)
    }

    It 'a pipeline of five Set calls makes exactly one revision' {
        Get-AqueraConnection | Set-AqueraPreferences -AllowUpdate
        (Get-RevisionCount) - $Revisions | Should -Be 1
        $Five | ForEach-Object { (Get-RawStore $_.Id).configuration.UPDATE_USERS } | Should -Be (@($true) * 5)
        @(Get-V1Request | Where-Object path -Like '*/propagation/revisions').Count | Should -Be 1
    }

    It '-NoRevision saves the changes and makes no revision' {
        Get-AqueraConnection | Set-AqueraConnectionState -State Enabled -NoRevision
        (Get-RevisionCount) - $Revisions | Should -Be 0
        $Five | ForEach-Object { (Get-RawStore $_.Id).status } | Should -Be (@('ACTIVE') * 5)
    }

    It 'a change that changes nothing sends no PUT and makes no revision' {
        Get-AqueraConnection | Set-AqueraConnectionState -State Disabled
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        (Get-RevisionCount) - $Revisions | Should -Be 0
    }

    It '-WhatIf on <Command> sends no POST, PUT or DELETE to /v1 and makes no revision' -ForEach @(
        @{ Command = 'Set-AqueraConnectionState'; Change = { $args[0] | Set-AqueraConnectionState -State Enabled -WhatIf } }
        @{ Command = 'Set-AqueraPreferences'; Change = { $args[0] | Set-AqueraPreferences -AllowCreate -RemoveAction Delete -WhatIf } }
        @{ Command = 'Set-AqueraConnection'; Change = { $args[0] | Set-AqueraConnection -Description 'changed' -BearerToken (Get-ScimToken) -WhatIf } }
        @{ Command = 'Remove-AqueraConnection'; Change = { $args[0] | Remove-AqueraConnection -WhatIf } }
        @{ Command = 'New-AqueraConnection'; Change = { $args[0] | Select-Object @{ n = 'Name'; e = { "New-$($_.Name)" } }, ScimUrl | New-AqueraConnection -BearerToken (Get-ScimToken) -Enabled -WhatIf } }
        @{ Command = '$WhatIfPreference'; Change = { $WhatIfPreference = $true; $args[0] | Set-AqueraConnectionState -State Enabled } }
    ) {
        $before = $Five | ForEach-Object { Get-RawStore $_.Id } | ConvertTo-Json -Depth 5
        $null = & $Change (Get-AqueraConnection)
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        (Get-RevisionCount) - $Revisions | Should -Be 0
        $Five | ForEach-Object { Get-RawStore $_.Id } | ConvertTo-Json -Depth 5 | Should -Be $before
        (Get-SandboxStats).stores | Should -Be 5
    }
}

Describe 'Error ids and categories' {
    BeforeAll {
        Reset-Sandbox
        $script:Unknown = [guid]::NewGuid().ToString()
    }
    BeforeEach { Clear-SandboxRequests }

    It '<Command> with an unknown id: AqueraConnectionNotFound, ObjectNotFound, PingOne''s message in ErrorDetails' -ForEach $Targeting {
        $failure = Get-CommandError { Invoke-Line $Line $Unknown }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraConnectionNotFound $Command)
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.ErrorDetails.Message | Should -Match "Unable to find propagation store with id $Unknown"
        $failure.ErrorDetails.Message | Should -Match 'correlation id [0-9a-f-]{36}'
    }

    It '<Command> with a malformed id: AqueraInvalidId, InvalidArgument, nothing sent' -ForEach $Targeting {
        $failure = Get-CommandError { Invoke-Line $Line 'HR-Payroll' }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraInvalidId $Command)
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-V1Request | Should -BeNullOrEmpty
    }

    Context 'without a session' {
        BeforeAll { Disconnect-AqueraPingOne }
        AfterAll { Connect-Sandbox }

        It '<Command> is AqueraNotConnected and says to run Connect-AqueraPingOne' -ForEach $NeedSession {
            $failure = Get-CommandError { Invoke-Line $Line $Unknown }
            $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraNotConnected $Command)
            $failure.ErrorDetails.Message | Should -Match 'There is no PingOne session.*Run Connect-AqueraPingOne'
            $failure.ErrorDetails.RecommendedAction | Should -Match '^Run Connect-AqueraPingOne'
        }
    }
}

Describe 'X-Ping-External-Transaction-ID' {
    BeforeAll {
        Reset-Sandbox
        $script:Pair = @((New-TestConnection 'Tx-1'), (New-TestConnection 'Tx-2' -Invalid))
    }
    BeforeEach { Clear-SandboxRequests }

    It 'one id on every request of an invocation, a new one for the next invocation, and shown in -Verbose' {
        $verbose = $Pair | ForEach-Object { [pscustomobject]@{ Id = $_.Id } } | Set-AqueraPreferences -AllowCreate -Verbose 4>&1
        $first = Get-V1Request
        $first.Count | Should -BeGreaterOrEqual 5 -Because 'two reads, two PUTs and a revision'
        @($first.transactionId | Sort-Object -Unique).Count | Should -Be 1
        $id = $first[0].transactionId
        $id | Should -Not -BeNullOrEmpty
        "$verbose" | Should -Match ([regex]::Escape($id))
        Clear-SandboxRequests
        $null = Get-AqueraConnection
        (Get-V1Request).transactionId | Sort-Object -Unique | Should -Not -Be $id
        (Get-V1Request).transactionId | Should -Not -BeNullOrEmpty
    }

    It 'an API error''s ErrorDetails names the invocation''s transaction id' {
        $failure = Get-CommandError { Get-AqueraConnection -Id ([guid]::NewGuid()) }
        $failure.ErrorDetails.Message | Should -Match ([regex]::Escape((Get-V1Request)[0].transactionId))
    }

    It 'a refused enable''s ErrorDetails names the invocation''s transaction id (the connection check is what Ping support would trace)' {
        $failure = Get-CommandError { Set-AqueraConnectionState -Id $Pair[1].Id -State Enabled }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraEnableRefused Set-AqueraConnectionState)
        "$($failure.ErrorDetails.Message)" | Should -Match ([regex]::Escape((Get-V1Request)[0].transactionId))
    }
}

Describe 'Shell comfort' {
    BeforeAll {
        Reset-Sandbox
        $null = New-TestConnection 'HR-Payroll' -Enabled
        $null = New-TestConnection 'HR Benefits'
        $null = New-TestConnection 'Finance-GL'
    }

    It 'every cmdlet declares [OutputType]' {
        foreach ($command in $Module.ExportedCmdlets.Values) {
            $command.OutputType | Should -Not -BeNullOrEmpty -Because "$($command.Name) must declare its output"
        }
        (Get-Command Get-AqueraConnection).OutputType.Name | Should -Be 'AqueraProvisioning.Core.AqueraConnection'
        (Get-Command Test-AqueraConnection).OutputType.Name | Should -Be @('AqueraProvisioning.Core.AqueraConnectionTestResult', 'System.Boolean')
        (Get-Command Connect-AqueraPingOne).OutputType.Name | Should -Be 'AqueraProvisioning.Core.PingOneContextInfo'
    }

    It 'every Set cmdlet has -PassThru; every state-changing cmdlet has -WhatIf and -Confirm' {
        foreach ($name in 'Set-AqueraConnectionState', 'Set-AqueraPreferences', 'Set-AqueraConnection') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'PassThru'
        }
        foreach ($name in 'New-AqueraConnection', 'Set-AqueraConnectionState', 'Set-AqueraPreferences', 'Set-AqueraConnection', 'Remove-AqueraConnection') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Command $name).Parameters.Keys | Should -Contain 'Confirm'
        }
    }

    It 'the default view is a table of Name, Enabled, AuthenticationMethod (headed Auth, to fit 80 columns), ScimUrl and SyncState' {
        foreach ($text in (Get-AqueraConnection | Out-String -Width 300), (Get-AqueraConnection | Format-Table | Out-String -Width 300)) {
            $header = ($text -split '\r?\n' | Where-Object { $_.Trim() } | Select-Object -First 1).Trim()
            $columns = -split $header
            $columns[0] | Should -Be 'Name'
            $columns | Sort-Object | Should -Be @('Auth', 'Enabled', 'Name', 'ScimUrl', 'SyncState') -Because 'the issue names these columns; their order after Name is the view''s choice, and 80 columns leave no room for a 20-character header'
            $text | Should -Match 'HR-Payroll\s+True\s+BearerToken'
        }
    }

    It 'the list view shows every property of the connection' {
        $text = Get-AqueraConnection -Name 'HR-Payroll' | Format-List | Out-String -Width 300
        $labels = $text -split '\r?\n' | Where-Object { $_ -match '^(\w+)\s*:' } | ForEach-Object { $Matches[1] }
        $labels | Should -Be @('Name', 'Id', 'EnvironmentId', 'Description', 'ScimUrl', 'AuthenticationMethod', 'Enabled', 'AllowCreate', 'AllowUpdate',
            'AllowDisable', 'RemoveAction', 'DeprovisionOnRuleDeletion', 'GroupNameSource', 'SyncState', 'LastSyncAt',
            'UserTotal', 'SuccessCount', 'FailedCount', 'FailedDeprovisionCount', 'SyncDetails', 'CreatedAt', 'UpdatedAt')
    }

    It 'the table view still fits an 80-column console' {
        $text = Get-AqueraConnection | Format-Table | Out-String -Width 80
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        (($text -split '\r?\n' | Where-Object { $_.Trim() } | Select-Object -First 1).Trim() -split '\s+') | Should -Not -Contain 'SuccessCount'
    }

    It 'completes connection names from the last listing, quoting where needed, without any request' {
        $null = Get-AqueraConnection
        Clear-SandboxRequests
        $requests = (Get-SandboxStats).requests
        $line = 'Set-AqueraConnectionState -Name HR'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'HR Benefits'", 'HR-Payroll')
        $line = 'Remove-AqueraConnection -Name fin'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be 'Finance-GL'
        Get-SandboxRequests | Should -BeNullOrEmpty
        (Get-SandboxStats).requests | Should -Be $requests
    }

    It 'completion learns created names and forgets removed ones' {
        $null = Get-AqueraConnection
        $line = 'Test-AqueraConnection -Name HR'
        $null = New-TestConnection 'HR-Recruiting'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'HR Benefits'", 'HR-Payroll', 'HR-Recruiting')
        Remove-AqueraConnection -Name 'HR-Recruiting' -Confirm:$false
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @("'HR Benefits'", 'HR-Payroll')
    }

    It 'writes progress for several piped objects, ending with a Completed record' {
        $run = Invoke-ConnectedRunspace { $ProgressPreference = 'Continue'; Get-AqueraConnection | Set-AqueraPreferences -AllowUpdate -NoRevision }
        $run.Errors | Should -BeNullOrEmpty
        $records = $run.Progress
        $records.Count | Should -BeGreaterOrEqual 2
        $records[-1].RecordType | Should -Be 'Completed'
        $records[0..($records.Count - 2)].RecordType | Should -Not -Contain 'Completed' -Because 'the records before the last report work in progress'
        @($records.ActivityId | Sort-Object -Unique).Count | Should -Be 1
    }
}
