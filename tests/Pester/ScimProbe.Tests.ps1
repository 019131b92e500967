# Test-AqueraScimEndpoint from the built module in a fresh pwsh: against a real third-party SCIM 2.0 server (SCIMMY,
# installed from npm by the Test task) and the sandbox's Aquera SCIM service. The stage-by-stage faults (TLS,
# DNS, ports, sandbox knobs) are covered in Core's ScimProbeTests; here the cmdlet, its pipeline binding, its
# output, its help and its streams.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-ModuleUnderTest
    $script:Sandbox = Start-TestSandbox
    $script:Scim = Start-ScimServer
    $script:Wrong = New-TestSecret 'wrong-secret-0123456789'

    function Get-Stage($Result, [string] $Stage) { $Result.Stages | Where-Object { "$($_.Stage)" -eq $Stage } }
}

AfterAll {
    Disconnect-AqueraPingOne -ErrorAction SilentlyContinue
    Stop-ScimServer $script:Scim
    Stop-TestSandbox
}

Describe 'Test-AqueraScimEndpoint against a third-party SCIM 2.0 server' {
    BeforeAll { Disconnect-AqueraPingOne -ErrorAction SilentlyContinue }

    It 'passes every stage with the <Method>, without a PingOne session' -ForEach @(
        @{ Method = 'bearer token'; Parameters = { @{ BearerToken = $script:Scim.BearerSecret } } }
        @{ Method = 'Basic credentials'; Parameters = { @{ Credential = $script:Scim.Credential } } }
    ) {
        $arguments = & $Parameters
        $result = Test-AqueraScimEndpoint -ScimUrl $script:Scim.scimUrl @arguments

        $result | Should -BeOfType ([AqueraProvisioning.Core.ScimProbeResult])
        $result.Success | Should -BeTrue -Because $result.Summary
        $result.Stages.Stage | Should -Be @('Url', 'Dns', 'Tcp', 'Tls', 'Http', 'Authentication', 'ScimRead')
        (Get-Stage $result 'Http').Detail | Should -Match 'a SCIM ServiceProviderConfig'
        (Get-Stage $result 'Authentication').Detail | Should -Match 'advertises oauthbearertoken, httpbasic'
        (Get-Stage $result 'ScimRead').Detail | Should -Match 'a ListResponse, totalResults \d+'
        (Get-Stage $result 'ScimRead').Detail | Should -Match 'ResourceTypes: \d+ listed'
    }

    It 'fails at Authentication with a wrong <Method>, says the server sent no challenge, and skips the read' -ForEach @(
        @{ Method = 'bearer token'; Parameters = { @{ BearerToken = $script:Wrong } } }
        @{ Method = 'Basic password'; Parameters = { @{ Credential = [pscredential]::new($script:Scim.basicUser, $script:Wrong) } } }
    ) {
        $arguments = & $Parameters
        $result = Test-AqueraScimEndpoint $script:Scim.scimUrl @arguments

        $result.Success | Should -BeFalse
        $auth = Get-Stage $result 'Authentication'
        "$($auth.Status)" | Should -Be 'Failed'
        $auth.Reason | Should -Be 'CredentialsRefused'
        $auth.Detail | Should -Match '401 Unauthorized'
        $auth.Detail | Should -Match 'It sent no WWW-Authenticate header'
        $auth.Hint | Should -Match 'Set-AqueraConnection -(BearerToken|Credential)'
        "$((Get-Stage $result 'ScimRead').Status)" | Should -Be 'Skipped'
    }

    It '-Quiet returns $true or $false' {
        Test-AqueraScimEndpoint $script:Scim.scimUrl -BearerToken $script:Scim.BearerSecret -Quiet | Should -BeExactly $true
        Test-AqueraScimEndpoint $script:Scim.scimUrl -BearerToken $script:Wrong -Quiet | Should -BeExactly $false
    }
}

Describe 'Test-AqueraScimEndpoint from the pipeline and the session' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $token = New-TestSecret $script:Sandbox.scimBearerToken
        $null = New-AqueraConnection -Name 'Probe Workday' -ScimUrl $script:Sandbox.scimUrl -BearerToken $token -SkipConnectionTest
        $null = New-AqueraConnection -Name 'Probe Zoom' -ScimUrl $script:Scim.scimUrl -BearerToken $token -SkipConnectionTest
    }

    It 'binds ScimUrl by property name from Get-AqueraConnection and probes each connection' {
        $results = @(Get-AqueraConnection 'Probe*' | Test-AqueraScimEndpoint -BearerToken (New-TestSecret $script:Sandbox.scimBearerToken))

        $results.Count | Should -Be 2
        $results.ScimUrl | Should -Be @($script:Sandbox.scimUrl, $script:Scim.scimUrl)
        $results[0].Success | Should -BeTrue -Because $results[0].Summary
        $results[1].FailedStage.Stage | Should -Be 'Authentication' -Because 'the third-party server has its own token'
    }

    It 'shows a table of stages with the hints under their detail' {
        $text = Test-AqueraScimEndpoint $script:Scim.scimUrl -BearerToken $script:Wrong | Out-String -Width 100

        $text | Should -Match 'Success  : False'
        $text | Should -Match 'Stage +Status +Time +Detail'
        $text | Should -Match '(?m)^Authentication Failed +\d+ ms  GET /ServiceProviderConfig'
        $text | Should -Match '(?m)^ {32}Hint: '
    }

    It 'writes no secret to any stream with -Verbose and -Debug, and keeps the output free of it' {
        $plain = [pscredential]::new('x', $script:Wrong).GetNetworkCredential().Password
        $everything = & {
            Test-AqueraScimEndpoint $script:Sandbox.scimUrl -BearerToken $script:Wrong -Verbose -Debug
            Test-AqueraScimEndpoint $script:Scim.scimUrl -Credential ([pscredential]::new('probe-user', $script:Wrong)) -Verbose -Debug
        } *>&1 | Out-String -Width 300
        $everything | Should -Match 'SCIM probe: Authentication: Failed'
        $everything | Should -Not -Match ([regex]::Escape($plain))
        $everything | Should -Not -Match ([regex]::Escape($script:Sandbox.scimBearerToken))
    }

    It 'refuses an empty token with AqueraInvalidCredential and probes nothing' {
        { Test-AqueraScimEndpoint $script:Scim.scimUrl -BearerToken (New-Object securestring) -ErrorAction Stop } |
            Should -Throw -ErrorId 'AqueraInvalidCredential,AqueraProvisioning.Commands.TestAqueraScimEndpointCommand'
    }
}

Describe '-Diagnose on New-, Set- and Test-AqueraConnection' {
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        $script:Token = New-TestSecret $script:Sandbox.scimBearerToken
    }

    It 'New-AqueraConnection -Diagnose attaches the probe to the failed-test error' {
        $null = New-AqueraConnection -Name 'Diagnosed' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -Diagnose -ErrorVariable failure -ErrorAction SilentlyContinue

        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'AqueraConnectionTestFailed,AqueraProvisioning.Commands.NewAqueraConnectionCommand'
        $failure[0].ErrorDetails.Message | Should -Match 'Direct probe from this machine: Failed at Authentication: GET /ServiceProviderConfig with the bearer token answered 401'
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'The token is wrong, expired or revoked'
        $probe = $failure[0].Exception.Data['ScimProbeResult']
        $probe | Should -BeOfType ([AqueraProvisioning.Core.ScimProbeResult])
        $probe.FailedStage.Reason | Should -Be 'CredentialsRefused'
        Get-AqueraConnection | Should -BeNullOrEmpty
    }

    It 'New-AqueraConnection without -Diagnose does not probe' {
        $null = New-AqueraConnection -Name 'Undiagnosed' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -ErrorVariable failure -ErrorAction SilentlyContinue

        $failure[0].ErrorDetails.Message | Should -Not -Match 'Direct probe'
        $failure[0].Exception.Data.Contains('ScimProbeResult') | Should -BeFalse
    }

    It 'New-AqueraConnection -Diagnose -Force puts the finding in the warning' {
        $null = New-AqueraConnection -Name 'Forced' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -Diagnose -Force -WarningVariable warned -WarningAction SilentlyContinue

        "$warned" | Should -Match 'saved disabled because of -Force.*Direct probe from this machine: Failed at Authentication'
    }

    It 'Test-AqueraConnection -Diagnose probes a saved connection with the credentials PingOne returns' {
        $null = New-AqueraConnection -Name 'Stale token' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -SkipConnectionTest

        $result = Test-AqueraConnection -Name 'Stale token' -Diagnose

        $result.Success | Should -BeFalse
        $result.Diagnosis.AuthenticationMethod | Should -Be 'BearerToken'
        $result.Diagnosis.FailedStage.Stage | Should -Be 'Authentication'
        ($result | Format-List | Out-String) | Should -Match 'Diagnosis +: Failed at Authentication'
    }

    It 'Test-AqueraConnection -Diagnose of a connection whose secret neither the admin nor PingOne gives probes up to HTTP and skips authentication with a hint' {
        $null = New-AqueraConnection -Name 'Secret kept' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -SkipConnectionTest
        $null = Set-SandboxSettings @{ secrets = 'omit' }

        $null = Test-AqueraConnection -Name 'Secret kept' -Diagnose -ErrorVariable failure -ErrorAction SilentlyContinue

        $failure.Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -Be 'AqueraSecretRequired,AqueraProvisioning.Commands.TestAqueraConnectionCommand'
        $failure[0].ErrorDetails.Message | Should -Match 'Direct probe from this machine: Reachable; authentication was not tried\.'
        $failure[0].ErrorDetails.RecommendedAction | Should -Match 'bearer token'
        $probe = $failure[0].Exception.Data['ScimProbeResult']
        $stages = @{}
        foreach ($stage in $probe.Stages) { $stages["$($stage.Stage)"] = $stage }
        foreach ($name in 'Url', 'Dns', 'Tcp', 'Http') { "$($stages[$name].Status)" | Should -BeIn 'Passed', 'Warning' -Because "$name runs without credentials" }
        "$($stages['Authentication'].Status)" | Should -Be 'Skipped'
    }

    It 'Test-AqueraConnection without -Diagnose of such a connection does not probe' {
        $null = New-AqueraConnection -Name 'Secret kept' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Wrong -SkipConnectionTest
        $null = Set-SandboxSettings @{ secrets = 'omit' }

        $null = Test-AqueraConnection -Name 'Secret kept' -ErrorVariable failure -ErrorAction SilentlyContinue

        $failure[0].FullyQualifiedErrorId | Should -Be 'AqueraSecretRequired,AqueraProvisioning.Commands.TestAqueraConnectionCommand'
        $failure[0].Exception.Data.Contains('ScimProbeResult') | Should -BeFalse
    }

    It 'Test-AqueraConnection -Diagnose probes with the credentials given, and a proposed connection by its URL' {
        $null = New-AqueraConnection -Name 'Given token' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Token -SkipConnectionTest
        $null = Set-SandboxSettings @{ secrets = 'omit' }

        $saved = Test-AqueraConnection -Name 'Given token' -BearerToken $script:Wrong -Diagnose
        $proposed = Test-AqueraConnection -ScimUrl "$($script:Sandbox.scimUrl)/Users" -BearerToken $script:Token -Diagnose
        $passed = Test-AqueraConnection -Name 'Given token' -BearerToken $script:Token -Diagnose

        $saved.Diagnosis.FailedStage.Stage | Should -Be 'Authentication'
        $proposed.Diagnosis.FailedStage.Stage | Should -Be 'Http'
        "$(($proposed.Diagnosis.Stages | Where-Object { "$($_.Stage)" -eq 'Url' }).Status)" | Should -Be 'Warning'
        $passed.Success | Should -BeTrue
        $passed.Diagnosis | Should -BeNullOrEmpty -Because 'a passed test is not probed'
    }

    It 'Set-AqueraConnection -Diagnose attaches the probe when a new token fails the test of an enabled connection' {
        $null = New-AqueraConnection -Name 'Enabled one' -ScimUrl $script:Sandbox.scimUrl -BearerToken $script:Token -Enabled

        Set-AqueraConnection -Name 'Enabled one' -BearerToken $script:Wrong -Diagnose -ErrorVariable failure -ErrorAction SilentlyContinue

        $failure[0].FullyQualifiedErrorId | Should -Be 'AqueraEnableRefused,AqueraProvisioning.Commands.SetAqueraConnectionCommand'
        $failure[0].ErrorDetails.Message | Should -Match 'Direct probe from this machine: Failed at Authentication'
        $failure[0].Exception.Data['ScimProbeResult'].FailedStage.Reason | Should -Be 'CredentialsRefused'
    }
}

Describe 'Get-Help Test-AqueraScimEndpoint' {
    It 'shows the stages and the examples' {
        $help = Get-Help Test-AqueraScimEndpoint -Full
        $text = $help | Out-String -Width 200

        foreach ($stage in 'Url', 'Dns', 'Tcp', 'Tls', 'Http', 'Authentication', 'ScimRead') { $text | Should -Match "\b$stage\b" }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 5
        $help.Synopsis | Should -Match 'stage by stage'
    }
}
