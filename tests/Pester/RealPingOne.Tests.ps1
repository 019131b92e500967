# Where the spec leaves PingOne's behaviour open (issue 12, part A), the sandbox has a knob for each plausible answer
# and the cmdlets work under every one: the request log shows what was sent, the raw store what was stored, and no
# secret shows on any stream. Each Describe is one corner; each runs with a fresh session, so what one session
# learned about its tenant never carries into the next test.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
    $script:CheckPath = "/v1/environments/$($Sandbox.environmentId)/propagation/stores/connection/status"

    function Reset-Session {
        # A clean sandbox with the given knobs, and a new session that has learned nothing yet.
        param([hashtable] $Knobs = @{})
        Reset-Sandbox
        if ($Knobs.Count -gt 0) { $null = Set-SandboxSettings $Knobs }
        Connect-Sandbox
        Clear-SandboxRequests
    }

    function Get-CheckRequest { @(Get-V1Request | Where-Object path -EQ $CheckPath) }
}

AfterAll { Stop-ConnectedSandbox }

Describe 'The connection check is sent with the bare media type the spec lists (knob strictCheckContentType = <Strict>)' -ForEach @(
    @{ Strict = $false }
    @{ Strict = $true }
) {
    BeforeEach { Reset-Session @{ strictCheckContentType = $Strict } }

    It 'Test-AqueraConnection passes, sending exactly application/vnd.pingidentity.connection.check+json' {
        $result = Test-AqueraConnection -Name 'Bare' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)
        $result.Success | Should -BeTrue -Because $result.Message
        $check = Get-CheckRequest
        $check.Count | Should -Be 1
        $check[0].contentType | Should -BeExactly 'application/vnd.pingidentity.connection.check+json'
        $check[0].status | Should -Be 200
    }

    It 'New-AqueraConnection tests (bare type) and creates (JSON with a charset)' {
        $null = New-TestConnection 'Bare create'
        (Get-CheckRequest)[0].contentType | Should -BeExactly 'application/vnd.pingidentity.connection.check+json'
        $create = @(Get-V1Request -StateChanging | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/propagation/stores' })
        $create.Count | Should -Be 1
        $create[0].contentType | Should -BeExactly 'application/json; charset=utf-8'
    }
}
