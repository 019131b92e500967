# Reliability and security (issue 4), proved against the sandbox's fault knobs: 429 storms, 503 bursts and
# commit-then-503 creates end with every object created exactly once; an expiring token is renewed mid-pipeline;
# a full scenario run with -Verbose -Debug shows no secret on any stream; a catalogue of bad inputs each gets its
# specific ErrorId and sends nothing; eight parallel runspaces keep their own sessions over one shared HttpClient.
BeforeDiscovery {
    $longName = 'n' * 257
    $longDescription = 'd' * 1025
    $emptySecret = { [securestring]::new() }
    $blankSecret = { ConvertTo-SecureString '   ' -AsPlainText -Force }
    $someSecret = { ConvertTo-SecureString 'catalogue-secret-Qw8Rt5Yu2' -AsPlainText -Force }
    $someCredential = { [pscredential]::new('aquera-user', (ConvertTo-SecureString 'catalogue-password-Kj4Hg7Fd1' -AsPlainText -Force)) }

    # Each case: the cmdlet, the valid parameters it starts from (Base), what is set or removed to make the input
    # bad, environment variables for the run, the ErrorId expected and, for our own ids, a word the message must
    # contain so it says how to fix the input. Values given as script blocks are built when the case runs.
    $script:BadInputs = @(
        # SCIM URLs
        @{ Case = 'relative SCIM URL'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'scim/v2/tenant/app' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'rooted but relative SCIM URL'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = '/scim/v2' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'ftp SCIM URL'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'ftp://aquera.example.invalid/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'file SCIM URL'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'file:///etc/passwd' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'plain http SCIM URL off the machine'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'http://api.aquera.example.invalid/scim/t/a' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'SCIM URL with user and password'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'https://admin:pa55word@api.aquera.example.invalid/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = '-Credential' }
        @{ Case = 'loopback SCIM URL with user-info'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'http://admin:pa55word@127.0.0.1:9/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = '-Credential' }
        @{ Case = 'SCIM URL of only a scheme'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = 'https://' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'whitespace SCIM URL'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = '   ' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'empty' }
        @{ Case = 'empty SCIM URL (binder)'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ ScimUrl = '' }; ErrorId = 'ParameterArgumentValidationErrorEmptyStringNotAllowed' }
        @{ Case = 'Set-AqueraConnection with an ftp SCIM URL'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ ScimUrl = 'ftp://aquera.example.invalid/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }
        @{ Case = 'Set-AqueraConnection with a user-info SCIM URL'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ ScimUrl = 'https://u:p@api.aquera.example.invalid/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = '-Credential' }
        @{ Case = 'Test-AqueraConnection of a plain http SCIM URL off the machine'; Cmdlet = 'Test-AqueraConnection'; Base = 'Proposed'; Set = @{ ScimUrl = 'http://api.aquera.example.invalid/scim' }; ErrorId = 'AqueraInvalidScimUrl'; Mentions = 'https://' }

        # Names and descriptions
        @{ Case = 'empty name (binder)'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ Name = '' }; ErrorId = 'ParameterArgumentValidationErrorEmptyStringNotAllowed' }
        @{ Case = 'whitespace name'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ Name = "  `t " }; ErrorId = 'AqueraInvalidName'; Mentions = 'empty' }
        @{ Case = '257-character name'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ Name = $longName }; ErrorId = 'AqueraInvalidName'; Mentions = '256' }
        @{ Case = '1025-character description'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ Description = $longDescription }; ErrorId = 'AqueraInvalidDescription'; Mentions = '1024' }
        @{ Case = 'Set-AqueraConnection -NewName of whitespace'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ NewName = '   ' }; ErrorId = 'AqueraInvalidName'; Mentions = 'empty' }
        @{ Case = 'Set-AqueraConnection -NewName of 257 characters'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ NewName = $longName }; ErrorId = 'AqueraInvalidName'; Mentions = '256' }
        @{ Case = 'Set-AqueraConnection -Description of 1025 characters'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ Description = $longDescription }; ErrorId = 'AqueraInvalidDescription'; Mentions = '1024' }

        # Malformed ids, on every cmdlet that takes one
        @{ Case = 'Get-AqueraConnection -Id that is no UUID'; Cmdlet = 'Get-AqueraConnection'; Base = 'Id'; Set = @{ Id = 'not-a-uuid' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Get-AqueraConnection -Id one digit short'; Cmdlet = 'Get-AqueraConnection'; Base = 'Id'; Set = @{ Id = '5b0c3f7e-2d41-4a8c-9e16-7f3a2b8d4c9' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Set-AqueraConnection -Id with a path in it'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ Id = '../../environments'; Description = 'x' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Set-AqueraConnectionState -Id malformed'; Cmdlet = 'Set-AqueraConnectionState'; Base = 'Id'; Set = @{ Id = '12345'; State = 'Enabled' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Set-AqueraPreferences -Id malformed'; Cmdlet = 'Set-AqueraPreferences'; Base = 'Id'; Set = @{ Id = '{5b0c3f7e-2d41-4a8c-9e16-7f3a2b8d4c90}x'; AllowCreate = $true }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Test-AqueraConnection -Id malformed'; Cmdlet = 'Test-AqueraConnection'; Base = 'Id'; Set = @{ Id = 'store?id=1' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Remove-AqueraConnection -Id malformed'; Cmdlet = 'Remove-AqueraConnection'; Base = 'Id'; Set = @{ Id = 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'; Confirm = $false }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Connect-AqueraPingOne -EnvironmentId malformed'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ EnvironmentId = 'my-environment' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }
        @{ Case = 'Connect-AqueraPingOne -ClientId malformed'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ClientId = 'worker-app' }; ErrorId = 'AqueraInvalidId'; Mentions = 'UUID' }

        # Unknown enum values
        @{ Case = 'New-AqueraConnection -RemoveAction Purge'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ RemoveAction = 'Purge' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'New-AqueraConnection -GroupNameSource Nickname'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ GroupNameSource = 'Nickname' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'New-AqueraConnection -AllowCreate maybe'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ AllowCreate = 'maybe' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'Set-AqueraPreferences -RemoveAction Purge'; Cmdlet = 'Set-AqueraPreferences'; Base = 'Id'; Set = @{ RemoveAction = 'Purge' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'Set-AqueraPreferences -GroupNameSource Nickname'; Cmdlet = 'Set-AqueraPreferences'; Base = 'Id'; Set = @{ GroupNameSource = 'Nickname' }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'Set-AqueraConnectionState -State On'; Cmdlet = 'Set-AqueraConnectionState'; Base = 'Id'; Set = @{ State = 'On' }; ErrorId = 'CannotConvertArgumentNoMessage' }
        @{ Case = 'Connect-AqueraPingOne -ClientAuthentication PrivateKeyJwt'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ClientAuthentication = 'PrivateKeyJwt' }; ErrorId = 'CannotConvertArgumentNoMessage' }

        # Credentials
        @{ Case = 'empty bearer token'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ BearerToken = $emptySecret }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'bearer token' }
        @{ Case = 'whitespace bearer token'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ BearerToken = $blankSecret }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'bearer token' }
        @{ Case = 'empty Basic password'; Cmdlet = 'New-AqueraConnection'; Base = 'NewBasic'; Set = @{ Credential = { [pscredential]::new('aquera-user', [securestring]::new()) } }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'password' }
        @{ Case = 'Basic with an empty user'; Cmdlet = 'New-AqueraConnection'; Base = 'NewBasic'; Set = @{ Credential = { [pscredential]::new(' ', (ConvertTo-SecureString 'pw-Lk9Mn3' -AsPlainText -Force)) } }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'user name' }
        @{ Case = 'New-AqueraConnection with -BearerToken and -Credential (binder)'; Cmdlet = 'New-AqueraConnection'; Base = 'New'; Set = @{ Credential = $someCredential }; ErrorId = 'AmbiguousParameterSet' }
        @{ Case = 'Set-AqueraConnection with -BearerToken and -Credential'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ BearerToken = $someSecret; Credential = $someCredential }; ErrorId = 'AqueraConflictingParameters'; Mentions = 'not both' }
        @{ Case = 'Set-AqueraConnectionState with -BearerToken and -Credential'; Cmdlet = 'Set-AqueraConnectionState'; Base = 'Id'; Set = @{ State = 'Enabled'; BearerToken = $someSecret; Credential = $someCredential }; ErrorId = 'AqueraConflictingParameters'; Mentions = 'not both' }
        @{ Case = 'Test-AqueraConnection with -BearerToken and -Credential'; Cmdlet = 'Test-AqueraConnection'; Base = 'Proposed'; Set = @{ Credential = $someCredential }; ErrorId = 'AqueraConflictingParameters'; Mentions = 'not both' }
        @{ Case = 'Set-AqueraConnection rotating to an empty bearer token'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; Set = @{ BearerToken = $emptySecret }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'bearer token' }
        @{ Case = 'Test-AqueraConnection of a proposed connection without credentials'; Cmdlet = 'Test-AqueraConnection'; Base = 'Proposed'; Remove = @('BearerToken'); ErrorId = 'AqueraInvalidCredential'; Mentions = '-BearerToken' }

        # Nothing to change
        @{ Case = 'Set-AqueraPreferences with nothing to change'; Cmdlet = 'Set-AqueraPreferences'; Base = 'Id'; ErrorId = 'AqueraConflictingParameters'; Mentions = '-AllowCreate' }
        @{ Case = 'Set-AqueraConnection with nothing to change'; Cmdlet = 'Set-AqueraConnection'; Base = 'Id'; ErrorId = 'AqueraConflictingParameters'; Mentions = '-NewName' }

        # Session and connect settings
        @{ Case = 'no session after Disconnect-AqueraPingOne'; Cmdlet = 'Get-AqueraConnection'; Base = 'None'; Disconnected = $true; ErrorId = 'AqueraNotConnected'; Mentions = 'Connect-AqueraPingOne' }
        @{ Case = 'Connect-AqueraPingOne -Region XX'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ Region = 'XX' }; ErrorId = 'AqueraInvalidRegion'; Mentions = 'NA, EU' }
        @{ Case = 'env PINGONE_REGION_CODE=XX'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Variables = @{ PINGONE_REGION_CODE = 'XX' }; ErrorId = 'AqueraInvalidRegion'; Mentions = 'NA, EU' }
        @{ Case = 'no client id and env PINGONE_CLIENT_ID missing'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Remove = @('ClientId'); Variables = @{ PINGONE_CLIENT_ID = $null }; ErrorId = 'AqueraMissingConnectionSetting'; Mentions = 'PINGONE_CLIENT_ID' }
        @{ Case = 'no environment id and env PINGONE_ENVIRONMENT_ID missing'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Remove = @('EnvironmentId'); Variables = @{ PINGONE_ENVIRONMENT_ID = $null }; ErrorId = 'AqueraMissingConnectionSetting'; Mentions = 'PINGONE_ENVIRONMENT_ID' }
        @{ Case = 'empty client secret'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ClientSecret = $emptySecret }; ErrorId = 'AqueraInvalidCredential'; Mentions = 'client secret' }
        @{ Case = 'ftp -ApiUrl'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ApiUrl = 'ftp://api.pingone.example.invalid/v1' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'https://' }
        @{ Case = 'plain http -ApiUrl off the machine'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ApiUrl = 'http://api.pingone.example.invalid/v1' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'https://' }
        @{ Case = '-ApiUrl with a query'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ ApiUrl = 'https://api.pingone.example.invalid/v1?tenant=1' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'query' }
        @{ Case = '-AuthUrl with user-info'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ AuthUrl = 'https://worker:s3cret@auth.pingone.example.invalid' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'user name' }
        @{ Case = 'plain http -AuthUrl off the machine'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ AuthUrl = 'http://auth.pingone.example.invalid' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'https://' }
        @{ Case = 'env PINGONE_API_SERVICE_HOSTNAME with an ftp URL'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Remove = @('ApiUrl'); Variables = @{ PINGONE_API_SERVICE_HOSTNAME = 'ftp://api.pingone.example.invalid' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'https://' }
        @{ Case = 'ftp -Proxy'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ Proxy = 'ftp://127.0.0.1:3128' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = 'http://' }
        @{ Case = '-Proxy with user-info'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ Proxy = 'http://proxyuser:proxypass@127.0.0.1:3128' }; ErrorId = 'AqueraInvalidServiceUrl'; Mentions = '-ProxyCredential' }
        @{ Case = '-TimeoutSec 0'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ TimeoutSec = 0 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = '-MaxRetryCount -1'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ MaxRetryCount = -1 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = '-MaxRetryCount 50'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ MaxRetryCount = 50 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'Connect-AqueraPingOne with -Credential and -ClientSecret (binder)'; Cmdlet = 'Connect-AqueraPingOne'; Base = 'Connect'; Set = @{ Credential = $someCredential }; ErrorId = 'AmbiguousParameterSet' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $null = Import-ModuleUnderTest
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-ModuleUnderTestPath

    function Get-InvocationError {
        # Every error the script block raised, terminating or not; its output is dropped.
        param([Parameter(Mandatory)][scriptblock] $Script)
        $found = [System.Collections.Generic.List[System.Management.Automation.ErrorRecord]]::new()
        try { & $Script 2>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $found.Add($_) } } }
        catch { $found.Add($_) }
        , $found.ToArray()
    }

    function Get-StoreNameCount {
        # How many stores carry each name, read straight from the API with a token of our own (not through the
        # module), with the fault knobs off so the count itself cannot be disturbed.
        $null = Set-SandboxSettings @{ throttleEveryN = 0; unavailableEveryN = 0 }
        $token = Invoke-RestMethod -Method Post -Uri "$($Sandbox.authUrl)/$($Sandbox.environmentId)/as/token" -ContentType 'application/x-www-form-urlencoded' `
            -Body @{ grant_type = 'client_credentials'; client_id = $Sandbox.clientId; client_secret = $Sandbox.clientSecret }
        $page = Invoke-RestMethod -Uri "$($Sandbox.apiUrl)/environments/$($Sandbox.environmentId)/propagation/stores?limit=1000" `
            -Headers @{ Authorization = "Bearer $($token.access_token)" }
        $counts = @{}
        foreach ($store in @($page._embedded.stores)) { $counts[$store.name] = 1 + [int]$counts[$store.name] }
        $counts
    }

    function New-Draft {
        # Pipeline input for New-AqueraConnection by property name, as Import-Csv would give it.
        param([int] $Count, [string] $Prefix)
        1..$Count | ForEach-Object { [pscustomobject]@{ Name = "$Prefix$_"; ScimUrl = $Sandbox.scimUrl } }
    }

    function Assert-CreatedOnce {
        # The pipeline returned Prefix1..PrefixCount and the environment holds each of them exactly once.
        param([object[]] $Created, [string] $Prefix, [int] $Count)
        $expected = 1..$Count | ForEach-Object { "$Prefix$_" } | Sort-Object
        ($Created.Name | Sort-Object) | Should -Be $expected
        @($Created.Id | Sort-Object -Unique).Count | Should -Be $Count
        $counts = Get-StoreNameCount
        $counts.Count | Should -Be $Count -Because 'nothing but these connections was created'
        foreach ($name in $expected) { $counts[$name] | Should -Be 1 -Because "$name must exist exactly once" }
    }

    function Get-V1Status {
        # The statuses the management API answered, in order.
        @(Get-SandboxRequests | Where-Object path -Like '/v1/*' | ForEach-Object status)
    }
}

AfterAll {
    Disconnect-AqueraPingOne
    Stop-TestSandbox
}

Describe 'Faults end with every object created exactly once' {
    BeforeAll { $script:Token = New-TestSecret $Sandbox.scimBearerToken }
    BeforeEach {
        Reset-Sandbox
        Connect-Sandbox
        Clear-SandboxRequests
    }

    It 'a 429 storm (every 2nd request throttled, Retry-After 0) creates all 20 once and reports no error' {
        $null = Set-SandboxSettings @{ throttleEveryN = 2; retryAfterSeconds = 0 }
        $created = New-Draft 20 'storm-' | New-AqueraConnection -BearerToken $Token -SkipConnectionTest -ErrorVariable failures -Verbose 4>&1

        $failures | Should -BeNullOrEmpty
        $retries = @($created | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Retrying after 429*' })
        $connections = @($created | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        @(Get-V1Status | Where-Object { $_ -eq 429 }).Count | Should -BeGreaterOrEqual 10 -Because 'the storm must really have happened'
        $retries.Count | Should -Be @(Get-V1Status | Where-Object { $_ -eq 429 }).Count -Because 'each retry is one Verbose line'
        Assert-CreatedOnce $connections 'storm-' 20
    }

    It '503 bursts (every 3rd request unavailable) create all 20 once and report no error' {
        $null = Set-SandboxSettings @{ unavailableEveryN = 3 }
        $created = @(New-Draft 20 'burst-' | New-AqueraConnection -BearerToken $Token -SkipConnectionTest -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @(Get-V1Status | Where-Object { $_ -eq 503 }).Count | Should -BeGreaterOrEqual 7 -Because 'the bursts must really have happened'
        Assert-CreatedOnce $created 'burst-' 20
    }

    It 'creates committed and then answered 503 are each returned once and never duplicated' {
        $null = Set-SandboxSettings @{ commitThenFailCreates = 3 }
        $created = @(New-Draft 5 'commit-' | New-AqueraConnection -BearerToken $Token -SkipConnectionTest -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        (Invoke-SandboxControl -Method Get -Path 'settings').commitThenFailCreates | Should -Be 0 -Because 'all three committed-then-failed creates happened'
        @(Get-SandboxRequests | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/propagation/stores' -and $_.status -eq 503 }).Count | Should -Be 3
        Assert-CreatedOnce $created 'commit-' 5
    }
}

Describe 'An expiring token is renewed mid-pipeline without the caller noticing' {
    BeforeAll { $script:Token = New-TestSecret $Sandbox.scimBearerToken }
    BeforeEach { Reset-Sandbox }
    AfterAll {
        Reset-Sandbox
        Connect-Sandbox
    }

    It 'a token revoked between two pipeline items is renewed once, on the 401, and the pipeline goes on' {
        Connect-Sandbox
        Clear-SandboxRequests
        $issued = (Get-SandboxStats).tokensIssued
        $created = @(1..6 | ForEach-Object {
                if ($_ -eq 4) { $null = Invoke-SandboxControl -Method Post -Path 'tokens/expire' }
                [pscustomobject]@{ Name = "revoked-$_"; ScimUrl = $Sandbox.scimUrl }
            } | New-AqueraConnection -BearerToken $Token -SkipConnectionTest -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        @(Get-V1Status | Where-Object { $_ -eq 401 }).Count | Should -Be 1 -Because 'the revoked token was refused once'
        (Get-SandboxStats).tokensIssued - $issued | Should -Be 1 -Because 'one renewal answered the one 401'
        Assert-CreatedOnce $created 'revoked-' 6
    }

    It 'a short-lived token is renewed before it expires, so no request is ever refused' {
        $null = Set-SandboxSettings @{ tokenLifetimeSeconds = 3 }
        Connect-Sandbox
        Clear-SandboxRequests
        $issued = (Get-SandboxStats).tokensIssued
        $created = @(1..4 | ForEach-Object {
                Start-Sleep -Milliseconds 1100
                [pscustomobject]@{ Name = "short-lived-$_"; ScimUrl = $Sandbox.scimUrl }
            } | New-AqueraConnection -BearerToken $Token -SkipConnectionTest -ErrorVariable failures)

        $failures | Should -BeNullOrEmpty
        (Get-SandboxStats).tokensIssued - $issued | Should -BeGreaterOrEqual 1 -Because 'the 3-second token ran out during the 4.4-second pipeline'
        @(Get-V1Status | Where-Object { $_ -eq 401 }).Count | Should -Be 0 -Because 'the token was renewed before it expired'
        Assert-CreatedOnce $created 'short-lived-' 4
    }
}

Describe 'A full scenario with -Verbose -Debug shows no secret on any stream' {
    BeforeAll {
        Reset-Sandbox
        # Fresh SCIM secrets for this run, so a match can only come from what was given to the cmdlets.
        $script:Bearer = "scenario-bearer-$([guid]::NewGuid().ToString('n'))"
        $script:Password = "scenario-password-$([guid]::NewGuid().ToString('n'))"
        $script:Wrong = "scenario-wrong-token-$([guid]::NewGuid().ToString('n'))"
        $null = Set-SandboxSettings @{ scimBearerToken = $Bearer; scimPassword = $Password }
        $basic = [pscredential]::new($Sandbox.scimUser, (New-TestSecret $Password))
        # -Debug on a compiled cmdlet also makes warnings ask for confirmation; -WarningAction Continue keeps
        # them flowing into the capture instead of prompting.
        $loud = @{ Verbose = $true; Debug = $true; WarningAction = 'Continue' }

        $Error.Clear()
        $script:Captured = @(& {
                # The refused rotation is meant to be a non-terminating error, whatever the runner's preference.
                $ErrorActionPreference = 'Continue'
                Connect-Sandbox (@{ PassThru = $true } + $loud)
                $bearerConnection = New-AqueraConnection -Name 'scenario-bearer' -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret $Bearer) -Enabled @loud
                $basicConnection = New-AqueraConnection -Name 'scenario-basic' -ScimUrl $Sandbox.scimUrl -Credential $basic @loud
                $bearerConnection
                $basicConnection
                Get-AqueraConnection @loud
                Test-AqueraConnection -Id $bearerConnection.Id @loud
                Test-AqueraConnection -Id $basicConnection.Id @loud
                Test-AqueraConnection -ScimUrl $Sandbox.scimUrl -BearerToken (New-TestSecret $Wrong) @loud
                Set-AqueraConnectionState -Id $basicConnection.Id -State Enabled -PassThru @loud
                Set-AqueraPreferences -Id $bearerConnection.Id -AllowCreate -AllowUpdate -RemoveAction Delete -PassThru @loud
                Set-AqueraConnection -Id $bearerConnection.Id -BearerToken (New-TestSecret $Wrong) -PassThru @loud
                Set-AqueraConnection -Id $bearerConnection.Id -BearerToken (New-TestSecret $Wrong) -Force -PassThru @loud
                Set-AqueraConnection -Id $bearerConnection.Id -BearerToken (New-TestSecret $Bearer) -PassThru @loud
                Test-AqueraConnection -Id $bearerConnection.Id @loud
                Remove-AqueraConnection -Id $bearerConnection.Id -Confirm:$false -PassThru @loud
                Remove-AqueraConnection -Id $basicConnection.Id -Confirm:$false -PassThru @loud
                Get-AqueraPingOneContext
                Disconnect-AqueraPingOne -PassThru @loud
            } *>&1)
        $script:ErrorsSeen = @($Error)

        $text = [System.Text.StringBuilder]::new()
        foreach ($item in $Captured + $ErrorsSeen) {
            $null = $text.AppendLine("$item").AppendLine(($item | Out-String -Width 4096))
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                $null = $text.AppendLine($item.Exception.ToString()).AppendLine("$($item.ErrorDetails)").AppendLine("$($item.ErrorDetails.RecommendedAction)")
                $null = $text.AppendLine("$($item.TargetObject)").AppendLine(($item | Format-List * -Force | Out-String -Width 4096))
                $null = $text.AppendLine(($item.Exception | Format-List * -Force | Out-String -Width 4096))
            }
            elseif ($item -isnot [System.Management.Automation.InformationalRecord]) {
                $null = $text.AppendLine(($item | Format-List * | Out-String -Width 4096))
                $null = $text.AppendLine(($item | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue))
            }
        }
        $script:AllText = $text.ToString()
    }
    AfterAll {
        Reset-Sandbox
        Connect-Sandbox
    }

    It 'ran the whole scenario: Verbose and Debug lines, the refused rotation and the forced one, and nothing left behind' {
        @($Captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 20
        @($Captured | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Count | Should -BeGreaterThan 5
        @($Captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).FullyQualifiedErrorId |
            Should -Be @('AqueraEnableRefused,AqueraProvisioning.Commands.SetAqueraConnectionCommand')
        @($Captured | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -BeGreaterOrEqual 1
        @($Captured | Where-Object { $_ -is [AqueraProvisioning.Core.AqueraConnectionTestResult] }).Success | Should -Be @($true, $true, $false, $true)
        (Get-SandboxStats).stores | Should -Be 0
        $AllText.Contains('"ACCESS_TOKEN":"***"') | Should -BeTrue -Because 'the Debug request bodies were captured, with the token masked'
        $AllText.Contains('"BASIC_AUTH_PASSWORD":"***"') | Should -BeTrue -Because 'the Debug request bodies were captured, with the password masked'
    }

    It 'shows none of the <Secret> anywhere' -ForEach @(
        @{ Secret = 'client secret'; Get = { $Sandbox.clientSecret } }
        @{ Secret = 'client id and secret as a Basic header'; Get = { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Sandbox.clientId):$($Sandbox.clientSecret)")) } }
        @{ Secret = 'bearer token'; Get = { $Bearer } }
        @{ Secret = 'Basic password'; Get = { $Password } }
        @{ Secret = 'Basic user and password as a header'; Get = { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($Sandbox.scimUser):$Password")) } }
        @{ Secret = 'wrong token'; Get = { $Wrong } }
    ) {
        $value = & $Get
        $value | Should -Not -BeNullOrEmpty
        $AllText.Contains($value) | Should -BeFalse -Because "the $Secret must not appear in any stream, error or formatted output"
    }
}

Describe 'Bad input is refused with its ErrorId before any request' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        Clear-SandboxRequests

        function New-CaseParameter([string] $Base) {
            switch ($Base) {
                'New' { @{ Name = 'bad-input'; ScimUrl = $Sandbox.scimUrl; BearerToken = New-TestSecret $Sandbox.scimBearerToken; SkipConnectionTest = $true } }
                'NewBasic' { @{ Name = 'bad-input'; ScimUrl = $Sandbox.scimUrl; Credential = Get-SandboxScimCredential; SkipConnectionTest = $true } }
                'Proposed' { @{ ScimUrl = $Sandbox.scimUrl; BearerToken = New-TestSecret $Sandbox.scimBearerToken } }
                'Connect' {
                    @{ EnvironmentId = $Sandbox.environmentId; ClientId = $Sandbox.clientId; ClientSecret = New-TestSecret $Sandbox.clientSecret
                        ApiUrl = $Sandbox.apiUrl; AuthUrl = $Sandbox.authUrl }
                }
                'Id' { @{ Id = [guid]::NewGuid().ToString() } }
                default { @{} }
            }
        }
    }

    It '<Case>: <ErrorId>' -ForEach $BadInputs {
        $parameters = New-CaseParameter $Base
        foreach ($key in @($_['Remove'])) { if ($key) { $parameters.Remove($key) } }
        if ($_['Set']) { foreach ($key in $Set.Keys) { $parameters[$key] = if ($Set[$key] -is [scriptblock]) { & $Set[$key] } else { $Set[$key] } } }
        $variables = if ($_['Variables']) { $Variables } else { @{} }
        $saved = @{}
        foreach ($name in $variables.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $variables[$name]) }
        $seen = @(Get-SandboxRequests).Count
        if ($_['Disconnected']) { Disconnect-AqueraPingOne }
        try {
            $errors = Get-InvocationError { & $Cmdlet @parameters }
            $sent = @(Get-SandboxRequests | Select-Object -Skip $seen)
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
            if ($_['Disconnected']) { Connect-Sandbox }
        }

        $errors.Count | Should -Be 1 -Because "one bad input is one error (got: $($errors.FullyQualifiedErrorId -join ', '))"
        $errors[0].FullyQualifiedErrorId | Should -BeExactly "$ErrorId,AqueraProvisioning.Commands.$($Cmdlet -replace '-', '')Command"
        if ($_['Mentions']) {
            # What the user reads: Core's fact, then the cmdlet's advice (ErrorDetails), or the fact alone.
            $shown = if ($errors[0].ErrorDetails) { $errors[0].ErrorDetails.Message } else { $errors[0].Exception.Message }
            $shown | Should -BeLikeExactly "*$Mentions*" -Because 'the message says how to fix the input'
            if ($Mentions -like '-*') { $errors[0].ErrorDetails.RecommendedAction | Should -BeLikeExactly "*$Mentions*" -Because 'a parameter to pass is advice' }
        }
        $sent | ForEach-Object { "$($_.method) $($_.path)" } | Should -BeNullOrEmpty -Because 'bad input sends nothing, not even a token request or a read'
    }

    It 'the sandbox recorded no state-changing /v1 request and only the reconnect''s token request during the catalogue' {
        $all = @(Get-SandboxRequests)
        @($all | Where-Object { $_.path -like '/v1/*' -and $_.method -in 'POST', 'PUT', 'PATCH', 'DELETE' }) | Should -BeNullOrEmpty
        @($all | Where-Object { $_.path -like '*/as/token' }).Count | Should -Be 1 -Because 'only the reconnect after the no-session case asked for a token'
        $BadInputs.Count | Should -BeGreaterOrEqual 40
    }
}

Describe 'ForEach-Object -Parallel: eight runspaces, eight sessions, one HttpClient' {
    BeforeAll {
        Reset-Sandbox
        Connect-Sandbox
        $script:SharedClients = [AqueraProvisioning.Core.PingOneSession].Assembly.GetType('AqueraProvisioning.Core.SharedHttpClients', $true)
        $script:MainContext = Get-AqueraPingOneContext
        Reset-Sandbox
        $barrier = [System.Threading.Barrier]::new(8)
        $script:Results = @(1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
                $index = $_
                $target = $using:Sandbox
                Import-Module $using:ModulePath
                $secret = ConvertTo-SecureString $target.clientSecret -AsPlainText -Force
                $method = if ($index % 2) { 'ClientSecretPost' } else { 'ClientSecretBasic' }
                $connected = Connect-AqueraPingOne -EnvironmentId $target.environmentId -ClientId $target.clientId -ClientSecret $secret `
                    -ApiUrl $target.apiUrl -AuthUrl $target.authUrl -ClientAuthentication $method -PassThru
                # Everyone connects before anyone reads its context, so a shared session would show here.
                $gate = $using:barrier
                $together = $gate.SignalAndWait([timespan]::FromSeconds(30))
                $context = Get-AqueraPingOneContext
                $token = ConvertTo-SecureString $target.scimBearerToken -AsPlainText -Force
                $created = @(1..3 | ForEach-Object { [pscustomobject]@{ Name = "parallel-$index-$_"; ScimUrl = $target.scimUrl } } |
                        New-AqueraConnection -BearerToken $token -SkipConnectionTest)
                $read = @(Get-AqueraConnection -Name "parallel-$index-*")
                $clients = [AqueraProvisioning.Core.PingOneSession].Assembly.GetType('AqueraProvisioning.Core.SharedHttpClients', $true).GetProperty('Count').GetValue($null)
                [pscustomobject]@{
                    Index = $index; Method = $method; Together = $together; Connected = $connected; Context = $context
                    Created = @($created.Name); Read = @($read.Name); Clients = $clients; Errors = $Error.Count
                }
            })
        $script:Stats = Get-SandboxStats
    }

    It 'every runspace succeeded without an error' {
        $Results.Count | Should -Be 8
        $Results | ForEach-Object { $_.Errors | Should -Be 0 -Because "runspace $($_.Index) must raise no error" }
        $Results.Together | Should -Not -Contain $false
    }

    It 'each runspace created and read back its own three connections' {
        foreach ($result in $Results) {
            $expected = 1..3 | ForEach-Object { "parallel-$($result.Index)-$_" }
            $result.Created | Should -Be $expected
            ($result.Read | Sort-Object) | Should -Be $expected
        }
        $Stats.stores | Should -Be 24
    }

    It "each runspace's Get-AqueraPingOneContext is its own session, and the caller's is untouched" {
        foreach ($result in $Results) {
            $result.Context.ClientAuthentication | Should -Be $result.Method -Because "runspace $($result.Index) connected with $($result.Method)"
            $result.Context.TokenExpiresAt | Should -Be $result.Connected.TokenExpiresAt -Because 'no other runspace replaced its session'
        }
        $now = Get-AqueraPingOneContext
        $now.ClientAuthentication | Should -Be $MainContext.ClientAuthentication
        $now.TokenExpiresAt | Should -Be $MainContext.TokenExpiresAt
    }

    It 'the module kept one shared HttpClient and the sandbox saw few TCP connections' {
        $Results.Clients | Should -Not -Contain 0
        $Results.Clients | ForEach-Object { $_ | Should -Be 1 }
        $SharedClients.GetProperty('Count').GetValue($null) | Should -Be 1
        $Stats.connectionsOpened | Should -BeLessOrEqual 16 -Because 'eight runspaces share one connection pool'
    }
}
