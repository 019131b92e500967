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

Describe 'Get-Help Test-AqueraScimEndpoint' {
    It 'shows the stages and the examples' {
        $help = Get-Help Test-AqueraScimEndpoint -Full
        $text = $help | Out-String -Width 200

        foreach ($stage in 'Url', 'Dns', 'Tcp', 'Tls', 'Http', 'Authentication', 'ScimRead') { $text | Should -Match "\b$stage\b" }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 5
        $help.Synopsis | Should -Match 'stage by stage'
    }
}
