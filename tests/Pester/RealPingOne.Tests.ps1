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

Describe 'Every shape of a failed check is a failed test in the service''s words (knob connectionCheckFailureMode = <Mode>)' -ForEach @(
    @{ Mode = 'error'; Status = 400 }
    @{ Mode = 'body'; Status = 200 }
    @{ Mode = 'failed'; Status = 200 }
    @{ Mode = 'successFalse'; Status = 200 }
    @{ Mode = 'nestedError'; Status = 200 }
    @{ Mode = 'errors'; Status = 200 }
    @{ Mode = 'unprocessable'; Status = 422 }
    @{ Mode = 'unexplained'; Status = 200 }
) {
    BeforeEach { Reset-Session @{ connectionCheckFailureMode = $Mode } }

    It 'Test-AqueraConnection with a refused token gives Success = $false and the reason, no error and no secret' {
        $refused = 'refused-token-Wq7-Ls3-Xv9'
        $all = Test-AqueraConnection -Name 'Shape' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret $refused) -Verbose -Debug *>&1
        $result = @($all | Where-Object { $_ -is [AqueraProvisioning.Core.AqueraConnectionTestResult] })
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        $result.Count | Should -Be 1
        $result[0].Success | Should -BeFalse
        $result[0].Message | Should -BeLike '*Connection test failed: 401 Unauthorized: invalid credentials*'
        (Get-CheckRequest)[0].status | Should -Be $Status
        Assert-NoSecret ($all | Out-String -Width 500) $refused
    }

    It 'Test-AqueraConnection with the right token still passes' {
        (Test-AqueraConnection -Name 'Shape' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)).Success | Should -BeTrue
    }

    It 'New-AqueraConnection refuses to create the connection the check failed' {
        $errors = Get-CommandError { New-TestConnection 'Refused' -Parameters @{ BearerToken = (New-TestSecret 'refused-token-Wq7-Ls3-Xv9') } }
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId 'AqueraConnectionTestFailed' 'New-AqueraConnection')
        @(Get-V1Request -StateChanging | Where-Object { $_.path -like '*/propagation/stores' }).Count | Should -Be 0
    }
}

Describe 'Every shape of a passed check is a pass (knob connectionCheckSuccessMode = <Mode>)' -ForEach @(
    @{ Mode = 'status'; Status = 200 }
    @{ Mode = 'empty'; Status = 200 }
    @{ Mode = 'noContent'; Status = 204 }
    @{ Mode = 'successTrue'; Status = 200 }
    @{ Mode = 'result'; Status = 200 }
) {
    BeforeEach { Reset-Session @{ connectionCheckSuccessMode = $Mode } }

    It 'Test-AqueraConnection passes with the right token and fails with a refused one' {
        (Test-AqueraConnection -Name 'Shape' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)).Success | Should -BeTrue
        (Get-CheckRequest)[0].status | Should -Be $Status
        (Test-AqueraConnection -Name 'Shape' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret 'refused-token-Wq7-Ls3-Xv9')).Success | Should -BeFalse
    }

    It 'New-AqueraConnection -Enabled tests, then creates the connection enabled' {
        $created = New-TestConnection 'Passed' -Enabled
        $created.Enabled | Should -BeTrue
        (Get-RawStore $created.Id).status | Should -Be 'ACTIVE'
    }
}

Describe 'A bearer connection and the Basic keys the spec marks required (knob bearerRequiresBasicKeys = <Required>)' -ForEach @(
    @{ Required = $false }
    @{ Required = $true }
) {
    BeforeAll {
        $script:AdoptedLine = 'PingOne requires BASIC_AUTH_USER and BASIC_AUTH_PASSWORD with a bearer token too; this session sends them empty with every bearer connection from now on.'
        function Get-Status([string] $Method, [string] $PathLike) { @(Get-V1Request | Where-Object { $_.method -eq $Method -and $_.path -like $PathLike } | ForEach-Object status) }
    }
    BeforeEach { Reset-Session @{ bearerRequiresBasicKeys = $Required } }

    It 'New-AqueraConnection and Set-AqueraPreferences send no Basic password; with the knob exactly one resend, learned once' {
        $all = & {
            $VerbosePreference = 'Continue'
            $DebugPreference = 'Continue'
            # New-AqueraConnection directly: a fixture module's function would not see these preferences.
            $script:First = New-AqueraConnection -Name 'Keys 1' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)
            $script:Second = New-AqueraConnection -Name 'Keys 2' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)
            Set-AqueraPreferences -Id $First.Id -AllowCreate
        } *>&1
        $text = $all | Out-String -Width 500

        Get-Status 'POST' '*/connection/status' | Should -Be $(if ($Required) { 400, 200, 200 } else { 200, 200 })
        Get-Status 'POST' '*/propagation/stores' | Should -Be 201, 201
        Get-Status 'PUT' "*/$($First.Id)" | Should -Be 200
        foreach ($id in $First.Id, $Second.Id) {
            $config = (Get-RawStore $id).configuration
            if ($Required) {
                $config.BASIC_AUTH_USER | Should -BeExactly ''
                $config.BASIC_AUTH_PASSWORD | Should -BeExactly ''
            }
            else {
                $config.PSObject.Properties.Name | Should -Not -Contain 'BASIC_AUTH_USER'
                $config.PSObject.Properties.Name | Should -Not -Contain 'BASIC_AUTH_PASSWORD'
            }
            $config.ACCESS_TOKEN | Should -BeExactly $Sandbox.scimBearerToken
        }
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -eq $AdoptedLine }).Count | Should -Be ([int]$Required)
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
        Assert-NoSecret $text $Sandbox.scimBearerToken, $Sandbox.clientSecret
    }

    It 'a Basic Auth connection keeps its user and password and is created at the first attempt' {
        $basic = New-TestConnection 'Keys basic' -Basic
        Get-Status 'POST' '*/propagation/stores' | Should -Be 201
        (Get-RawStore $basic.Id).configuration.BASIC_AUTH_PASSWORD | Should -BeExactly $Sandbox.scimPassword
    }
}

Describe 'A store list with or without paging parameters (knob strictListQuery = <Strict>)' -ForEach @(
    @{ Strict = $false }
    @{ Strict = $true }
) {
    BeforeEach {
        Reset-Session @{ strictListQuery = $Strict; defaultPageSize = 40 }
        $null = Invoke-SandboxControl -Method Post -Path 'seed' -Body @{ count = 250; namePrefix = 'paged-' }
        Clear-SandboxRequests
    }

    It 'Get-AqueraConnection lists all 250 by the next links; a strict tenant costs one refused request per session' {
        $all = & {
            $VerbosePreference = 'Continue'
            $script:Listed = @(Get-AqueraConnection)
            $script:Found = Get-AqueraConnection -Name 'paged-250'
        } *>&1
        $Listed.Count | Should -Be 250
        @($Listed.Name | Sort-Object -Unique).Count | Should -Be 250
        $Found.Name | Should -Be 'paged-250'
        $gets = @(Get-V1Request | Where-Object method -EQ 'GET')
        $first = @($gets | Where-Object { $_.query -notlike '*cursor=*' })
        $adopted = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'PingOne refused the page size on propagation/stores*' })
        if ($Strict) {
            $first.query | Should -Be 'limit=100', '', ''
            $first.status | Should -Be 400, 200, 200
            @($gets | Where-Object { $_.query -like '*cursor=*' } | Where-Object { $_.query -like '*limit=*' }) | Should -BeNullOrEmpty
            $adopted.Count | Should -Be 1
        }
        else {
            $first.query | Should -Be 'limit=100', 'limit=100'
            $adopted.Count | Should -Be 0
        }
        @($gets | Where-Object status -NE 200).Count | Should -Be ([int]$Strict)
    }
}

Describe 'An enabled connection on a tenant that may refuse status ACTIVE on create (knob refuseActiveOnCreate = <Refuse>)' -ForEach @(
    @{ Refuse = $false; Writes = @('POST check 200', 'POST stores 201', 'POST check 200', 'POST stores 201') }
    @{ Refuse = $true; Writes = @('POST check 200', 'POST stores 400', 'POST stores 201', 'PUT store 200', 'POST check 200', 'POST stores 201', 'PUT store 200') }
) {
    BeforeAll {
        function Get-Write {
            # The writes to stores, without the revision each change ends with.
            @(Get-V1Request -StateChanging | Where-Object path -NotLike '*/propagation/revisions' | ForEach-Object {
                    $what = if ($_.path -like '*/connection/status') { 'check' } elseif ($_.path -like '*/propagation/stores') { 'stores' } else { 'store' }
                    "$($_.method) $what $($_.status)"
                })
        }
    }
    BeforeEach { Reset-Session @{ refuseActiveOnCreate = $Refuse } }

    It 'New-AqueraConnection -Enabled tests, creates each connection once and leaves it enabled' {
        $all = & {
            $VerbosePreference = 'Continue'
            $script:Created = @(
                New-AqueraConnection -Name 'Active 1' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) -Enabled
                New-AqueraConnection -Name 'Active 2' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) -Enabled
            )
        } *>&1
        $Created.Enabled | Should -Be $true, $true
        foreach ($connection in $Created) { (Get-RawStore $connection.Id).status | Should -Be 'ACTIVE' }
        (Get-SandboxStats).stores | Should -Be 2
        Get-Write | Should -Be $Writes
        $said = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'PingOne refused status ACTIVE on create*' })
        $said.Count | Should -Be ([int]$Refuse)
        @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
    }

    It 'New-AqueraConnection -Enabled -Force of a failing connection saves it disabled in one create' {
        $forced = New-TestConnection 'Forced' -Invalid -Enabled
        $forced.Enabled | Should -BeFalse
        Get-Write | Should -Be 'POST check 400', 'POST stores 201'
    }
}

Describe 'Hostile answers in PingOne''s place end in one clear error, never a crash or a leak' {
    BeforeAll {
        function Invoke-Hostile {
            # Runs the script with Verbose and Debug on and returns every record it wrote on any stream, with the
            # text a user could see of them.
            param([scriptblock] $Script)
            $records = & {
                $VerbosePreference = 'Continue'
                $DebugPreference = 'Continue'
                $ErrorActionPreference = 'Continue'
                # A terminating error is collected like any other: the point is that it is a clean error record.
                try { & $Script } catch { $_ }
            } *>&1
            $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $text = ($records | Out-String -Width 500) + ($errors | ForEach-Object { "$($_.Exception)`n$($_.ErrorDetails)`n$($_.Exception.Message)" } | Out-String -Width 500)
            [pscustomobject]@{ Errors = $errors; Text = $text }
        }

        function Wait-V1Request([int] $Count) {
            # The sandbox logs a request when it is done with it: for an oversized body, once it sees the client go.
            $deadline = [DateTime]::UtcNow.AddSeconds(5)
            while (@(Get-V1Request).Count -lt $Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Get-V1Request
        }

        function Assert-Clean([string] $Text) {
            Assert-NoSecret $Text $Sandbox.clientSecret, $Sandbox.scimBearerToken, 'gw_session=', 'Authorization: Bearer'
            $Text | Should -Not -Match '<html|<body|<title'
        }
    }

    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox @{ MaxRetryCount = 1 }
        Clear-SandboxRequests
    }

    It 'a <Answer> answer to Get-AqueraConnection is <ErrorId>: <Says>' -ForEach @(
        @{ Answer = 'gatewayHtml'; ErrorId = 'AqueraServiceUnavailable'; Says = "failed with 502: Bad Gateway (an HTML page titled '502 Bad Gateway')"; Requests = 2 }
        @{ Answer = 'unavailableHtml'; ErrorId = 'AqueraServiceUnavailable'; Says = "failed with 503: Service Unavailable (an HTML page titled '503 Service Temporarily Unavailable')"; Requests = 2 }
        @{ Answer = 'truncatedJson'; ErrorId = 'AqueraInvalidResponse'; Says = 'answered 200, but its JSON could not be read'; Requests = 1 }
        @{ Answer = 'wrongShape'; ErrorId = 'AqueraInvalidResponse'; Says = 'answered 200, but its JSON could not be read'; Requests = 1 }
        @{ Answer = 'html'; ErrorId = 'AqueraInvalidResponse'; Says = "answered 200, but it is an HTML page titled 'Sign in - Corporate Web Gateway', not JSON"; Requests = 1 }
        @{ Answer = 'oversized'; ErrorId = 'AqueraInvalidResponse'; Says = 'answered 200, but its body is 67108864 bytes (Content-Length), more than the 10 MB the module reads'; Requests = 1 }
        @{ Answer = 'oversizedChunked'; ErrorId = 'AqueraInvalidResponse'; Says = 'answered 200, but its body went on past the 10 MB the module reads'; Requests = 1 }
        @{ Answer = 'oversizedError'; ErrorId = 'AqueraServiceUnavailable'; Says = 'failed with 502: Bad Gateway (its body is 67108864 bytes (Content-Length), more than the 10 MB the module reads)'; Requests = 2 }
    ) {
        $null = Set-SandboxSettings @{ hostileAnswer = $Answer; retryAfterSeconds = 0 }
        $run = Invoke-Hostile { Get-AqueraConnection }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId $ErrorId 'Get-AqueraConnection')
        $run.Errors[0].Exception | Should -BeOfType ([AqueraProvisioning.Core.AqueraException])
        $run.Errors[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Says))*"
        Assert-Clean $run.Text
        $logged = @(Wait-V1Request $Requests)
        $logged.Count | Should -Be $Requests -Because 'a gateway error is retried; an answer that cannot be used is not'
        if ($Answer -like 'oversized*') {
            # Not read to its end: the sandbox saw the client go away (499) on every attempt.
            @($logged | Where-Object status -NE 499) | Should -BeNullOrEmpty
        }

        # The session is unharmed: once PingOne answers again, so do the cmdlets.
        $null = Set-SandboxSettings @{ hostileAnswer = 'none' }
        { Get-AqueraConnection -ErrorAction Stop } | Should -Not -Throw
    }

    It 'a Retry-After of an hour is refused at once as <ErrorId>, saying what PingOne asked for' -ForEach @(
        @{ Knobs = @{ throttleEveryN = 1; retryAfterSeconds = 3600 }; ErrorId = 'AqueraThrottled' }
        @{ Knobs = @{ hostileAnswer = 'unavailableHtml'; retryAfterSeconds = 3600 }; ErrorId = 'AqueraServiceUnavailable' }
    ) {
        $null = Set-SandboxSettings $Knobs
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $run = Invoke-Hostile { New-AqueraConnection -Name 'Patient' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId $ErrorId 'New-AqueraConnection')
        $run.Errors[0].Exception.Message | Should -BeLike "*PingOne asked to wait 3600 s before trying again (Retry-After), more than the * s left of the request's retry time budget, so it was not retried*"
        "$($run.Errors[0].ErrorDetails)" | Should -BeLike '*Try again after the wait PingOne asked for.*'
        @(Get-V1Request).Count | Should -Be 1
        (Get-SandboxStats).stores | Should -Be 0
        Assert-Clean $run.Text
    }

    It 'New-AqueraConnection behind a gateway page creates nothing and says so' {
        $null = Set-SandboxSettings @{ hostileAnswer = 'gatewayHtml'; retryAfterSeconds = 0 }
        $run = Invoke-Hostile { New-AqueraConnection -Name 'Behind a gateway' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId 'AqueraServiceUnavailable' 'New-AqueraConnection')
        @(Get-V1Request -StateChanging | Where-Object { $_.path -like '*/propagation/stores' }) | Should -BeNullOrEmpty
        (Get-SandboxStats).stores | Should -Be 0
        Assert-Clean $run.Text
    }

    It 'Test-AqueraConnection answered by a sign-in page is an error; by JSON it cannot place, a failed test' {
        $null = Set-SandboxSettings @{ hostileAnswer = 'html' }
        $run = Invoke-Hostile { Test-AqueraConnection -Name 'Hostile' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken) }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be (Get-FullErrorId 'AqueraInvalidResponse' 'Test-AqueraConnection')
        Assert-Clean $run.Text

        $null = Set-SandboxSettings @{ hostileAnswer = 'wrongShape' }
        $result = Test-AqueraConnection -Name 'Hostile' -ScimUrl $Sandbox.scimUrl -BearerToken (Get-ScimToken)
        $result.Success | Should -BeFalse
        $result.Message | Should -Be 'PingOne answered 200 without a result the module understands.'
    }
}

Describe 'The sandbox README' {
    It 'lists every knob GET /settings shows, each with the behaviour it stands for' {
        $knobs = @((Invoke-SandboxControl -Method Get -Path 'settings').PSObject.Properties.Name)
        $rows = @(Get-Content -LiteralPath (Join-Path (Get-RepoRoot) 'src/AqueraProvisioning.Sandbox/README.md') | Where-Object { $_.StartsWith('| `') })
        $missing = foreach ($knob in $knobs) {
            # A knob's row: its name in the first cell, four cells (a \| inside one is not a border), the last not empty.
            $row = $rows | Where-Object { ($_ -split '(?<!\\)\|')[1] -match "``$knob``" } | Select-Object -First 1
            $cells = if ($row) { @(($row -split '(?<!\\)\|') | Select-Object -Skip 1 | Select-Object -SkipLast 1) } else { @() }
            if ($cells.Count -ne 4 -or -not $cells[3].Trim()) { $knob }
        }
        $knobs.Count | Should -BeGreaterThan 30
        $missing | Should -BeNullOrEmpty
    }
}
