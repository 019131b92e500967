# Sessions: Connect-AqueraPingOne (parameters, -Credential, the PINGONE_* environment variables, -PassThru),
# Get-AqueraPingOneContext and Disconnect-AqueraPingOne, against the sandbox. The environment is restored after each.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'ConnectionFixtures.psm1') -Force
    $script:Sandbox = Start-ConnectedSandbox
}

AfterAll { Stop-ConnectedSandbox }

Describe 'Connect-AqueraPingOne, Get-AqueraPingOneContext and Disconnect-AqueraPingOne' {
    BeforeAll {
        $script:EnvNames = 'PINGONE_CLIENT_ID', 'PINGONE_CLIENT_SECRET', 'PINGONE_ENVIRONMENT_ID', 'PINGONE_REGION_CODE',
        'PINGONE_API_SERVICE_HOSTNAME', 'PINGONE_AUTH_SERVICE_HOSTNAME'
    }
    BeforeEach {
        $script:SavedEnv = @{}
        foreach ($name in $script:EnvNames) { $script:SavedEnv[$name] = [Environment]::GetEnvironmentVariable($name) }
    }
    AfterEach {
        foreach ($name in $script:EnvNames) { [Environment]::SetEnvironmentVariable($name, $script:SavedEnv[$name]) }
        Connect-Sandbox
    }

    It 'connects with parameters; -PassThru writes the context: environment, URLs, client id, token expiry, no secret' {
        $context = Connect-Sandbox @{ PassThru = $true }
        $context.GetType().FullName | Should -Be 'AqueraProvisioning.Core.PingOneContextInfo'
        $context.EnvironmentId | Should -Be $Sandbox.environmentId
        $context.ClientId | Should -Be $Sandbox.clientId
        "$($context.ApiUrl)" | Should -Be "$($Sandbox.apiUrl)/"
        "$($context.AuthUrl)" | Should -Be "$($Sandbox.authUrl)/"
        $context.TokenExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
        $context.PSObject.Properties | Where-Object { $_.Value -is [securestring] -or $_.Name -match 'Secret|Token$' } | Should -BeNullOrEmpty
        Assert-NoSecret ($context | Get-RenderedText) $Sandbox.clientSecret
        Assert-NoSecret (Get-AqueraPingOneContext | Get-RenderedText) $Sandbox.clientSecret
    }

    It 'connects with -Credential: the client id as user name, the secret as password' {
        $credential = [pscredential]::new($Sandbox.clientId, (New-TestSecret $Sandbox.clientSecret))
        $context = Connect-AqueraPingOne -EnvironmentId $Sandbox.environmentId -Credential $credential -ApiUrl $Sandbox.apiUrl -AuthUrl $Sandbox.authUrl -PassThru
        $context.ClientId | Should -Be $Sandbox.clientId
        { Get-AqueraConnection -ErrorAction Stop } | Should -Not -Throw
    }

    It 'with -WorkerEnvironmentId gets the token in the worker''s environment and manages -EnvironmentId' {
        Clear-SandboxRequests
        $context = Connect-AqueraPingOne -EnvironmentId $Sandbox.environmentId -WorkerEnvironmentId $Sandbox.workerEnvironmentId `
            -ClientId $Sandbox.clientId -ClientSecret (New-TestSecret $Sandbox.clientSecret) -ApiUrl $Sandbox.apiUrl -AuthUrl $Sandbox.authUrl -PassThru
        $context.WorkerEnvironmentId | Should -Be $Sandbox.workerEnvironmentId
        $context.EnvironmentId | Should -Be $Sandbox.environmentId
        @(Get-AqueraConnection -ErrorAction Stop).Count | Should -BeGreaterOrEqual 0
        $requests = @(Get-SandboxRequests)
        $requests[0].path | Should -Be "/$($Sandbox.workerEnvironmentId)/as/token"
        $requests | Select-Object -Skip 1 | ForEach-Object { $_.path | Should -BeLike "/v1/environments/$($Sandbox.environmentId)/*" }
        (Get-AqueraPingOneContext | Format-List | Out-String) | Should -Match ('WorkerEnvironmentId\s*:\s*' + [regex]::Escape($Sandbox.workerEnvironmentId))
    }

    It 'refuses a -WorkerEnvironmentId that is not an id before anything is sent' {
        Clear-SandboxRequests
        { Connect-AqueraPingOne -EnvironmentId $Sandbox.environmentId -WorkerEnvironmentId 'Administrators' -ClientId $Sandbox.clientId `
                -ClientSecret (New-TestSecret $Sandbox.clientSecret) -ApiUrl $Sandbox.apiUrl -AuthUrl $Sandbox.authUrl -ErrorAction Stop } |
            Should -Throw -ErrorId 'AqueraInvalidId,AqueraProvisioning.Commands.ConnectAqueraPingOneCommand'
        @(Get-SandboxRequests).Count | Should -Be 0
    }

    It 'with no parameters reads the PINGONE_* environment variables' {
        $env:PINGONE_ENVIRONMENT_ID = $Sandbox.environmentId
        $env:PINGONE_CLIENT_ID = $Sandbox.clientId
        $env:PINGONE_CLIENT_SECRET = $Sandbox.clientSecret
        $env:PINGONE_REGION_CODE = 'eu'
        $env:PINGONE_API_SERVICE_HOSTNAME = $Sandbox.baseUrl
        $env:PINGONE_AUTH_SERVICE_HOSTNAME = $Sandbox.baseUrl
        Disconnect-AqueraPingOne
        $context = Connect-AqueraPingOne -PassThru
        $context.EnvironmentId | Should -Be $Sandbox.environmentId
        $context.ClientId | Should -Be $Sandbox.clientId
        "$($context.ApiUrl)" | Should -Be "$($Sandbox.baseUrl)/v1/" -Because 'a host without a path gets /v1'
        "$($context.AuthUrl)" | Should -Be "$($Sandbox.baseUrl)/"
        Assert-NoSecret ($context | Get-RenderedText) $Sandbox.clientSecret
    }

    It 'reads PINGONE_REGION_CODE when -Region is not given: an unknown code is AqueraInvalidRegion' {
        $env:PINGONE_REGION_CODE = 'XX'
        $failure = Get-CommandError { Connect-Sandbox }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraInvalidRegion Connect-AqueraPingOne)
    }

    It 'a wrong client secret is AqueraAuthenticationFailed (AuthenticationError) and keeps the previous session' {
        $failure = Get-CommandError { Connect-Sandbox @{ ClientSecret = New-TestSecret 'not-the-secret' } }
        $failure.FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraAuthenticationFailed Connect-AqueraPingOne)
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        (Get-AqueraPingOneContext).EnvironmentId | Should -Be $Sandbox.environmentId
    }

    It 'Disconnect-AqueraPingOne -PassThru writes the ended context; afterwards there is no context and cmdlets need a session' {
        $ended = Disconnect-AqueraPingOne -PassThru
        $ended.EnvironmentId | Should -Be $Sandbox.environmentId
        Get-AqueraPingOneContext | Should -BeNullOrEmpty
        (Get-CommandError { Get-AqueraConnection }).FullyQualifiedErrorId | Should -Be (Get-FullErrorId AqueraNotConnected Get-AqueraConnection)
        Get-CommandError { Disconnect-AqueraPingOne } | Should -BeNullOrEmpty -Because 'disconnecting twice does nothing'
    }
}
