# The Pester harness itself (TestHelpers.psm1 over .build/SandboxProcess.psm1): every suite relies on it, so a
# helper that silently did nothing would make other tests pass for the wrong reason.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-ModuleUnderTest
    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    Disconnect-AqueraPingOne -ErrorAction SilentlyContinue
    Stop-TestSandbox
}

Describe 'Start-TestSandbox' {
    It 'returns the ready line: loopback URLs and the demo credentials' {
        foreach ($key in 'baseUrl', 'apiUrl', 'authUrl', 'scimUrl', 'controlUrl') {
            $script:Sandbox.$key | Should -Match '^http://(127\.0\.0\.1|localhost|\[::1\]):\d+' -Because "$key must be on loopback"
        }
        foreach ($key in 'environmentId', 'clientId', 'clientSecret', 'scimBearerToken', 'scimUser', 'scimPassword') {
            $script:Sandbox.$key | Should -Not -BeNullOrEmpty -Because "$key is needed by the tests"
        }
        $script:Sandbox.Process.HasExited | Should -BeFalse
    }
}

Describe 'Sandbox control helpers' {
    BeforeEach { Reset-Sandbox }

    It 'Connect-Sandbox connects the module and the sandbox counts the token it issued' {
        $context = Connect-Sandbox -Parameters @{ PassThru = $true }
        $context.EnvironmentId | Should -Be $script:Sandbox.environmentId
        (Get-AqueraPingOneContext).ClientId | Should -Be $script:Sandbox.clientId
        (Get-SandboxStats).tokensIssued | Should -BeGreaterOrEqual 1
        Get-SandboxRequests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/as/token' } | Should -Not -BeNullOrEmpty
    }

    It 'Clear-SandboxRequests empties the request log' {
        Connect-Sandbox
        Get-SandboxRequests | Should -Not -BeNullOrEmpty
        Clear-SandboxRequests
        Get-SandboxRequests | Should -BeNullOrEmpty
    }

    It 'Set-SandboxSettings changes a knob and Reset-Sandbox restores it' {
        $before = (Invoke-SandboxControl -Method Get -Path 'settings').latencyMs
        (Set-SandboxSettings @{ latencyMs = $before + 7 }).latencyMs | Should -Be ($before + 7)
        Reset-Sandbox
        (Invoke-SandboxControl -Method Get -Path 'settings').latencyMs | Should -Be $before
    }

    It 'Reset-Sandbox removes the stores' {
        $null = Invoke-SandboxControl -Method Post -Path 'seed' -Body @{ count = 3 }
        (Get-SandboxStats).stores | Should -Be 3
        Reset-Sandbox
        (Get-SandboxStats).stores | Should -Be 0
    }

    It 'New-TestSecret and Get-SandboxScimCredential carry the given values as secure strings' {
        $secret = New-TestSecret 'abc'
        $secret | Should -BeOfType [securestring]
        [pscredential]::new('u', $secret).GetNetworkCredential().Password | Should -Be 'abc'
        (New-TestSecret).Length | Should -Be 32
        $credential = Get-SandboxScimCredential
        $credential.UserName | Should -Be $script:Sandbox.scimUser
        $credential.GetNetworkCredential().Password | Should -Be $script:Sandbox.scimPassword
    }
}

Describe 'Stop-AqueraSandbox' {
    It 'ends the sandbox process and deletes its temporary logs' {
        $extra = Start-AqueraSandbox
        $id = $extra.Process.Id
        $logs = $extra.StdoutLog, $extra.StderrLog
        Stop-AqueraSandbox -Sandbox $extra
        Get-Process -Id $id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $logs | ForEach-Object { $_ | Should -Not -Exist }
    }

    It 'Start-AqueraSandbox fails clearly when the sandbox is not built' {
        { Start-AqueraSandbox -Path (Join-Path $TestDrive 'missing.dll') } | Should -Throw '*is not built*'
    }
}
