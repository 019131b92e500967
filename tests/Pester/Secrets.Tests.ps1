# Read-modify-write and write-only secrets: a change puts back everything it was not asked to change (unknown keys
# and stored secrets included), a secret PingOne does not return is asked for instead of guessed, and no secret
# given to the cmdlets ever shows in what they write, on any stream, formatted or not.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox

    function Get-StoreField([string] $Id) {
        # The store as a flat map, field or configuration key to its JSON, without what the server stamps itself.
        $raw = Get-RawStore $Id
        $fields = [ordered]@{}
        foreach ($property in $raw.PSObject.Properties | Where-Object Name -NotIn '_links', 'updatedAt', 'configuration') {
            $fields[$property.Name] = $property.Value | ConvertTo-Json -Depth 8 -Compress
        }
        foreach ($property in $raw.configuration.PSObject.Properties) {
            $fields["configuration.$($property.Name)"] = $property.Value | ConvertTo-Json -Depth 8 -Compress
        }
        $fields
    }

    function Get-ChangedField($Before, $After) {
        @($Before.Keys + $After.Keys | Sort-Object -Unique | Where-Object { $Before[$_] -cne $After[$_] })
    }
}

AfterAll { Stop-ConnectedSandbox }

Describe 'A change puts back everything it was not asked to change' {
    BeforeEach {
        Reset-Sandbox
        $null = Set-SandboxSettings @{ extraConfigurationKeys = @('FUTURE_SETTING') }
        $script:Planted = Add-RawStore @{
            name = 'Planted'; description = 'written by the admin console'; type = 'Aquera'; status = 'INACTIVE'; managed = $false
            image = @{ href = 'https://images.example/aquera.png' }
            configuration = [ordered]@{
                SCIM_URL = $Sandbox.scimUrl; AUTHENTICATION_METHOD = 'OAuth Bearer Token'; ACCESS_TOKEN = $Sandbox.scimBearerToken
                CREATE_USERS = $false; UPDATE_USERS = $true; DISABLE_USERS = $false; REMOVE_ACTION = 'Disable'; GROUP_NAME_SOURCE = 'Common Name'
                FUTURE_SETTING = [ordered]@{ mode = 'strict'; levels = @(1, 2, 3) }
            }
        }
        $script:Before = Get-StoreField $Planted.id
    }

    It 'Set-AqueraPreferences <Named> changes <Expected> and nothing else' -ForEach @(
        @{ Named = '-AllowCreate'; Parameters = @{ AllowCreate = $true }; Expected = 'configuration.CREATE_USERS' }
        @{ Named = '-AllowUpdate:$false'; Parameters = @{ AllowUpdate = $false }; Expected = 'configuration.UPDATE_USERS' }
        @{ Named = '-AllowDisable'; Parameters = @{ AllowDisable = $true }; Expected = 'configuration.DISABLE_USERS' }
        @{ Named = '-RemoveAction Delete'; Parameters = @{ RemoveAction = 'Delete' }; Expected = 'configuration.REMOVE_ACTION' }
        @{ Named = '-GroupNameSource DistinguishedName'; Parameters = @{ GroupNameSource = 'DistinguishedName' }; Expected = 'configuration.GROUP_NAME_SOURCE' }
        @{ Named = '-DeprovisionOnRuleDeletion'; Parameters = @{ DeprovisionOnRuleDeletion = $true }; Expected = 'managed' }
    ) {
        Set-AqueraPreferences -Id $Planted.id @Parameters
        Get-ChangedField $Before (Get-StoreField $Planted.id) | Should -Be $Expected
    }

    It 'Set-AqueraConnectionState changes only the status; the unknown key and the stored token go back as they came' {
        Set-AqueraConnectionState -Id $Planted.id -State Enabled
        $after = Get-StoreField $Planted.id
        Get-ChangedField $Before $after | Where-Object { $_ -ne 'syncStatus' } | Should -Be 'status'
        $after['configuration.ACCESS_TOKEN'] | Should -BeExactly $Before['configuration.ACCESS_TOKEN']
        $after['configuration.FUTURE_SETTING'] | Should -BeExactly '{"mode":"strict","levels":[1,2,3]}'
    }

    It 'a Basic Auth connection keeps its stored user and password across enable and disable' {
        $basic = New-TestConnection 'Basic' -Basic
        $before = Get-StoreField $basic.Id
        Set-AqueraConnectionState -Id $basic.Id -State Enabled
        Set-AqueraConnectionState -Id $basic.Id -State Disabled
        $after = Get-StoreField $basic.Id
        $after['configuration.BASIC_AUTH_PASSWORD'] | Should -BeExactly $before['configuration.BASIC_AUTH_PASSWORD']
        $after['configuration.BASIC_AUTH_USER'] | Should -BeExactly $before['configuration.BASIC_AUTH_USER']
        Get-ChangedField $before $after | Where-Object { $_ -ne 'syncStatus' } | Should -BeNullOrEmpty
    }
}

Describe 'When PingOne does not return stored secrets (sandbox secrets = omit)' {
    BeforeEach {
        Reset-Sandbox
        $script:Hr = New-TestConnection 'HR' -Enabled
        $script:Basic = New-TestConnection 'HR-Basic' -Basic
        $null = Set-SandboxSettings @{ secrets = 'omit' }
        $script:Before = Get-StoreField $Hr.Id
    }

    It '<Change> without a secret is AqueraSecretRequired, says to pass -BearerToken or -Credential, and changes nothing' -ForEach @(
        @{ Change = 'disabling'; Cmdlet = 'Set-AqueraConnectionState'; Script = { Set-AqueraConnectionState -Id $Hr.Id -State Disabled } }
        @{ Change = 'a preference'; Cmdlet = 'Set-AqueraPreferences'; Script = { Set-AqueraPreferences -Id $Hr.Id -AllowCreate } }
        @{ Change = 'a rename'; Cmdlet = 'Set-AqueraConnection'; Script = { Set-AqueraConnection -Id $Hr.Id -NewName 'HR-2' } }
    ) {
        $failure = Get-CommandError $Script
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraSecretRequired $Cmdlet)
        $failure.ErrorDetails.Message | Should -Match '-BearerToken' -Because 'the text a user reads says what to pass'
        $failure.ErrorDetails.Message | Should -Match '-Credential'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-BearerToken.*-Credential'
        $failure.Exception.Message | Should -Not -Match '-BearerToken|-Credential' -Because 'Core states the fact; the advice is the cmdlet layer''s'
        Get-ChangedField $Before (Get-StoreField $Hr.Id) | Should -BeNullOrEmpty
    }

    It 'the AqueraSecretRequired message reads plainly: it holds no secret, so nothing in it is masked' {
        $failure = Get-CommandError { Set-AqueraConnectionState -Id $Hr.Id -State Disabled }
        $failure.Exception.Message | Should -Not -Match '\*\*\*'
        $failure.ErrorDetails.Message | Should -Not -Match '\*\*\*'
    }

    It 'enabling without a secret is refused before any test or write' {
        Clear-SandboxRequests
        $failure = Get-CommandError { Set-AqueraConnectionState -Id $Basic.Id -State Enabled }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraSecretRequired Set-AqueraConnectionState)
        Get-V1Request -StateChanging | Should -BeNullOrEmpty
        (Get-RawStore $Basic.Id).status | Should -Be 'INACTIVE'
    }

    It 'with -BearerToken a state change works and the store keeps that token' {
        $changed = Set-AqueraConnectionState -Id $Hr.Id -State Disabled -BearerToken (Get-ScimToken) -PassThru
        $changed.Enabled | Should -BeFalse
        $raw = Get-RawStore $Hr.Id
        $raw.status | Should -Be 'INACTIVE'
        $raw.configuration.ACCESS_TOKEN | Should -BeExactly $Sandbox.scimBearerToken
    }

    It 'with -Credential enabling a Basic Auth connection and changing its preferences work' {
        Set-AqueraConnectionState -Id $Basic.Id -State Enabled -Credential (Get-SandboxScimCredential)
        Set-AqueraPreferences -Id $Basic.Id -AllowUpdate -Credential (Get-SandboxScimCredential)
        $raw = Get-RawStore $Basic.Id
        $raw.status | Should -Be 'ACTIVE'
        $raw.configuration.UPDATE_USERS | Should -BeTrue
        $raw.configuration.BASIC_AUTH_PASSWORD | Should -BeExactly $Sandbox.scimPassword
    }
}

Describe 'No secret in any output' {
    BeforeAll {
        Reset-Sandbox
        $rotated = 'rotated-' + [guid]::NewGuid().ToString('n')
        $wrong = 'wrong-' + [guid]::NewGuid().ToString('n')
        $script:Secrets = @($Sandbox.clientSecret, $Sandbox.scimBearerToken, $Sandbox.scimPassword, $rotated, $wrong)
        $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue'; WarningAction = 'Continue' }

        # A whole session, every stream merged: what a transcript of a runbook would hold.
        $script:Transcript = @(& {
                Connect-Sandbox (@{ PassThru = $true } + $common)
                Get-AqueraPingOneContext
                New-AqueraConnection -Name 'Bearer' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) -Enabled @common
                New-AqueraConnection -Name 'Basic' -ScimUrl $Sandbox.scimUrl -Credential (Get-SandboxScimCredential) @common
                New-AqueraConnection -Name 'Wrong' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret $wrong) @common
                New-AqueraConnection -Name 'Wrong' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret $wrong) -Force @common
                New-AqueraConnection -Name 'bearer' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) @common
                Get-AqueraConnection @common
                Get-AqueraConnection @common | Test-AqueraConnection @common
                Test-AqueraConnection -ScimUrl $Sandbox.scimUrl -Credential ([pscredential]::new('someone', (New-TestSecret $wrong))) @common
                Get-AqueraConnection -Name 'Wrong' | Set-AqueraConnectionState -State Enabled -PassThru @common
                Get-AqueraConnection -Name 'Basic' | Set-AqueraPreferences -AllowCreate -RemoveAction Delete -PassThru @common
                $null = Set-SandboxSettings @{ scimBearerToken = $rotated }
                Get-AqueraConnection -Name 'Bearer' | Set-AqueraConnection -BearerToken (New-TestSecret $rotated) -PassThru @common
                Get-AqueraConnection -Name 'Bearer' | Set-AqueraConnection -BearerToken (New-TestSecret $wrong) @common
                $null = Set-SandboxSettings @{ secrets = 'omit' }
                Get-AqueraConnection -Name 'Bearer' | Set-AqueraConnectionState -State Disabled -PassThru @common
                Get-AqueraConnection @common | Remove-AqueraConnection -Confirm:$false -PassThru @common
                Disconnect-AqueraPingOne -PassThru @common
            } *>&1)
        Connect-Sandbox
    }

    It 'the session went through its steps (the transcript is worth checking)' {
        $kinds = $Transcript | ForEach-Object { $_.GetType().Name } | Sort-Object -Unique
        foreach ($kind in 'AqueraConnection', 'AqueraConnectionTestResult', 'PingOneContextInfo', 'ErrorRecord', 'VerboseRecord', 'DebugRecord', 'WarningRecord') {
            $kinds | Should -Contain $kind
        }
        @($Transcript | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterOrEqual 4
    }

    It 'no output object has a secret-typed property' {
        $objects = $Transcript | Where-Object { $_.GetType().Namespace -eq 'AqueraProvisioning.Core' }
        $objects.PSObject.Properties | Where-Object { $_.Value -is [securestring] -or $_.Value -is [pscredential] } | Should -BeNullOrEmpty
    }

    It 'output objects, their ToString(), Format-List *, Format-Table and JSON show no secret' {
        $objects = $Transcript | Where-Object { $_.GetType().Namespace -eq 'AqueraProvisioning.Core' }
        Assert-NoSecret ($objects | Get-RenderedText) $Secrets
        foreach ($object in $objects) {
            Assert-NoSecret ($object | Format-List * | Out-String -Width 500) $Secrets
            Assert-NoSecret ($object | Format-Table | Out-String -Width 500) $Secrets
        }
    }

    It 'verbose, debug and warning text shows no secret' {
        $messages = $Transcript | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] } | ForEach-Object Message
        Assert-NoSecret ($messages -join "`n") $Secrets
    }

    It 'errors show no secret: message, ErrorDetails, exception chain and target' {
        $errors = $Transcript | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
        $text = $errors | ForEach-Object { "$_"; $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.Exception.ToString(); "$($_.TargetObject)"; $_ | Format-List * -Force | Out-String -Width 500 }
        Assert-NoSecret ($text -join "`n") $Secrets
    }
}
