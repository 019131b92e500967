# The real third-party SCIM 2.0 server (tests/ScimServer, started by .build/ScimServerProcess.psm1) works the way
# the other suites use it: a server that silently accepted anything would make their tests pass for nothing.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Scim = Start-ScimServer
    $script:UserSchema = 'urn:ietf:params:scim:schemas:core:2.0:User'

    function Invoke-Scim {
        param([string] $Method = 'Get', [string] $Path, [hashtable] $Headers = $script:Scim.Headers, [object] $Body)
        $request = @{ Method = $Method; Uri = "$($script:Scim.scimUrl)$Path"; Headers = $Headers; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status' }
        if ($PSBoundParameters.ContainsKey('Body')) {
            $request.Body = $Body | ConvertTo-Json -Depth 5 -Compress
            $request.ContentType = 'application/scim+json'
        }
        $response = Invoke-RestMethod @request
        [pscustomobject]@{ Status = $status; Body = $response }
    }

    function New-ScimUser([string] $UserName, [hashtable] $Headers = $script:Scim.Headers) {
        Invoke-Scim -Method Post -Path '/Users' -Headers $Headers -Body @{ schemas = @($script:UserSchema); userName = $UserName; active = $true }
    }
}

AfterAll { Stop-ScimServer $script:Scim }

Describe 'Start-ScimServer' {
    It 'listens on 127.0.0.1 only, at a free port, and reports the pinned package versions' {
        $script:Scim.scimUrl | Should -Match '^http://127\.0\.0\.1:\d+/scim/v2$'
        $script:Scim.port | Should -BeGreaterThan 0
        $script:Scim.versions.scimmy | Should -Be '1.3.5'
        $script:Scim.versions.'scimmy-routers' | Should -Be '1.3.2'
        $script:Scim.Process.HasExited | Should -BeFalse
    }

    It 'returns credentials as text, as a SecureString and as a PSCredential' {
        $script:Scim.bearerToken | Should -Not -BeNullOrEmpty
        [pscredential]::new('x', $script:Scim.BearerSecret).GetNetworkCredential().Password | Should -Be $script:Scim.bearerToken
        $script:Scim.Credential.UserName | Should -Be $script:Scim.basicUser
        $script:Scim.Credential.GetNetworkCredential().Password | Should -Be $script:Scim.basicPassword
    }
}

Describe 'Authentication' {
    It 'a user created with the bearer token is read back with Basic credentials' {
        $created = New-ScimUser 'created.with.bearer'
        $created.Status | Should -Be 201
        $created.Body.id | Should -Not -BeNullOrEmpty
        $created.Body.meta.location | Should -Be "$($script:Scim.scimUrl)/Users/$($created.Body.id)"

        $read = Invoke-Scim -Path "/Users/$($created.Body.id)" -Headers $script:Scim.BasicHeaders
        $read.Status | Should -Be 200
        $read.Body.userName | Should -Be 'created.with.bearer'
    }

    It 'a wrong <Case> is 401 with a SCIM error and creates nothing' -ForEach @(
        @{ Case = 'bearer token'; Header = 'Bearer not-the-token' }
        @{ Case = 'Basic password'; Header = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('user:wrong')) }
        @{ Case = 'scheme'; Header = 'Digest abc' }
    ) {
        $before = (Invoke-Scim -Path '/Users?count=0').Body.totalResults
        $answer = New-ScimUser 'refused.user' -Headers @{ Authorization = $Header }
        $answer.Status | Should -Be 401
        $answer.Body.schemas | Should -Contain 'urn:ietf:params:scim:api:messages:2.0:Error'
        (Invoke-Scim -Path '/Users?count=0').Body.totalResults | Should -Be $before
    }

    It 'the right Basic user with a wrong password is refused' {
        $header = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes("$($script:Scim.basicUser):wrong"))
        (Invoke-Scim -Path '/ServiceProviderConfig' -Headers @{ Authorization = $header }).Status | Should -Be 401
    }

    It 'no Authorization header is 401, discovery included' {
        (Invoke-Scim -Path '/ServiceProviderConfig' -Headers @{}).Status | Should -Be 401
    }
}

Describe 'SCIM 2.0 operations' {
    It 'ServiceProviderConfig advertises Bearer and Basic and filter support' {
        $config = (Invoke-Scim -Path '/ServiceProviderConfig').Body
        $config.schemas | Should -Contain 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'
        $config.authenticationSchemes.type | Should -Be @('oauthbearertoken', 'httpbasic')
        $config.filter.supported | Should -BeTrue
    }

    It 'filters by userName eq, replaces with PUT and deletes' {
        $id = (New-ScimUser 'lifecycle.user').Body.id
        $filter = [uri]::EscapeDataString('userName eq "lifecycle.user"')
        $found = (Invoke-Scim -Path "/Users?filter=$filter").Body
        $found.totalResults | Should -Be 1
        $found.Resources[0].id | Should -Be $id

        $replaced = Invoke-Scim -Method Put -Path "/Users/$id" -Body @{ schemas = @($script:UserSchema); userName = 'lifecycle.user'; displayName = 'Replaced'; active = $false }
        $replaced.Status | Should -Be 200
        $replaced.Body.displayName | Should -Be 'Replaced'
        $replaced.Body.active | Should -BeFalse
        (Invoke-Scim -Path "/Users/$id").Body.displayName | Should -Be 'Replaced'

        (Invoke-Scim -Method Delete -Path "/Users/$id").Status | Should -Be 204
        (Invoke-Scim -Path "/Users/$id").Status | Should -Be 404
        (Invoke-Scim -Method Put -Path "/Users/$id" -Body @{ schemas = @($script:UserSchema); userName = 'gone' }).Status | Should -Be 404
    }

    It 'a taken userName is 409 uniqueness' {
        $null = New-ScimUser 'taken.user'
        $again = New-ScimUser 'Taken.User'
        $again.Status | Should -Be 409
        $again.Body.scimType | Should -Be 'uniqueness'
    }

    It 'pages a ListResponse with startIndex and count' {
        1..5 | ForEach-Object { $null = New-ScimUser "page.user.$_" }
        $total = (Invoke-Scim -Path '/Users?count=0').Body.totalResults
        $total | Should -BeGreaterOrEqual 5
        $seen = foreach ($start in 1, 3, 5) {
            $page = (Invoke-Scim -Path "/Users?startIndex=$start&count=2").Body
            $page.schemas | Should -Contain 'urn:ietf:params:scim:api:messages:2.0:ListResponse'
            $page.startIndex | Should -Be $start
            $page.totalResults | Should -Be $total
            @($page.Resources).Count | Should -BeLessOrEqual 2
            $page.Resources.id
        }
        @($seen | Select-Object -Unique).Count | Should -Be @($seen).Count -Because 'pages do not overlap'
        @($seen).Count | Should -Be ([Math]::Min(6, $total))
    }
}

Describe 'Install-ScimServer' {
    It 'fails clearly when npm is not on PATH' {
        $path = $env:PATH
        try {
            $env:PATH = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty-path')).FullName
            { Install-ScimServer -Path (Join-Path $TestDrive 'scim') -Force } | Should -Throw '*was not found on PATH*Node.js*npm*'
        }
        finally { $env:PATH = $path }
        Join-Path $TestDrive 'scim' | Should -Not -Exist
    }

    It 'is up to date after the install this suite started with, so a second start installs nothing' {
        Test-ScimServerInstalled | Should -BeTrue
    }
}

Describe 'Stop-ScimServer' {
    It 'ends the server process, and Use-ScimServer stops its server even when the block throws' {
        $id = $script:Scim.Process.Id
        $script:ownId = 0
        { Use-ScimServer { param($server) $script:ownId = $server.Process.Id; throw 'the test failed' } } | Should -Throw '*the test failed*'
        $script:ownId | Should -BeGreaterThan 0
        Get-Process -Id $script:ownId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $extra = Start-ScimServer
        $extraId = $extra.Process.Id
        Stop-ScimServer $extra
        Stop-ScimServer $extra
        Get-Process -Id $extraId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-Process -Id $id | Should -Not -BeNullOrEmpty -Because 'the suite server is independent'
    }
}
