# Turns docs/ into the help files the module ships, without platyPS (not available here):
#   docs/Verb-Noun.md (platyPS v1 schema)  -> en-US/<external help file>   (MAML, read by Get-Help)
#   docs/about_*.md                        -> en-US/about_*.help.txt        (plain text topic)
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'MarkdownBlocks.psm1')
Import-Module (Join-Path $PSScriptRoot 'CommandHelpReader.psm1')
Import-Module (Join-Path $PSScriptRoot 'MamlWriter.psm1')

function Get-CommandHelpPage {
    <#
    .SYNOPSIS
    The cmdlet pages in a docs folder: every top-level Verb-Noun.md file.
    #>
    param([Parameter(Mandatory)][string] $DocsPath)
    Get-ChildItem -LiteralPath $DocsPath -Filter '*.md' -File | Where-Object Name -Match '^\w+-\w+\.md$' | Sort-Object Name
}

function Get-AboutTopicPage {
    <#
    .SYNOPSIS
    The about topics in a docs folder: every top-level about_*.md file.
    #>
    param([Parameter(Mandatory)][string] $DocsPath)
    Get-ChildItem -LiteralPath $DocsPath -Filter 'about_*.md' -File | Sort-Object Name
}

function ConvertTo-AboutHelp {
    <#
    .SYNOPSIS
    Builds every about topic in DocsPath into OutputPath. Returns the files written. Throws when the module's
    own topic (about_<ModuleName>.md) is missing, since Get-Help about_<ModuleName> is part of the module.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $DocsPath,
        [Parameter(Mandatory)][string] $OutputPath,
        [Parameter(Mandatory)][string] $ModuleName
    )
    $topics = @(Get-AboutTopicPage -DocsPath $DocsPath)
    if ($topics.Name -notcontains "about_$ModuleName.md") { throw "No about topic docs/about_$ModuleName.md in '$DocsPath'." }
    foreach ($topic in $topics) { ConvertTo-AboutHelpText -Path $topic.FullName -OutputPath $OutputPath }
}

function ConvertTo-MamlHelp {
    <#
    .SYNOPSIS
    Builds MAML from every cmdlet page in DocsPath into OutputPath, one file per 'external help file' name.
    Returns the files written. Throws (with file and line) on a page that breaks the schema.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $DocsPath,
        [Parameter(Mandatory)][string] $OutputPath
    )
    $pages = @(Get-CommandHelpPage -DocsPath $DocsPath)
    if ($pages.Count -eq 0) { throw "No cmdlet pages (Verb-Noun.md) in '$DocsPath'." }
    $commands = @($pages | Read-CommandHelpMarkdown)
    $null = New-Item -ItemType Directory -Force -Path $OutputPath
    foreach ($group in $commands | Group-Object HelpFile) {
        $target = Join-Path $OutputPath $group.Name
        Write-MamlFile -Commands $group.Group -Path $target
        Get-Item -LiteralPath $target
    }
}

function ConvertTo-AboutHelpText {
    <#
    .SYNOPSIS
    Converts an about_*.md page into the about_*.help.txt layout Get-Help expects: 'TOPIC' at column 1 on
    line 1, the topic name on line 2 indented four spaces, then each '## ' section in capitals with its
    text indented four spaces and wrapped at Width columns. Returns the file written.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string] $Path,
        [Parameter(Mandatory)][string] $OutputPath,
        [int] $Width = 80
    )
    $topic = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    if ($topic -notmatch '^about_\w+$') { throw "${Path}: an about topic file must be named about_<Name>.md." }
    $doc = ConvertFrom-MarkdownBlocks -Path $Path
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $topic")
    $sawShortDescription = $false
    # A heading's text follows it directly; every other block is set off by one blank line.
    $afterHeading = $true
    foreach ($block in $doc.Blocks) {
        if ($block.Kind -eq 'Heading' -and $block.Level -eq 1) {
            if ($block.Text.Trim() -ne $topic) { throw "${Path}:$($block.Line): the title must be '# $topic'." }
            continue
        }
        if (-not $afterHeading -or $block.Kind -eq 'Heading') { $out.Add('') }
        $afterHeading = $block.Kind -eq 'Heading'
        switch ($block.Kind) {
            'Heading' {
                if ($block.Level -eq 2) {
                    $title = $block.Text.Trim().ToUpperInvariant()
                    if ($title -eq 'SHORT DESCRIPTION') { $sawShortDescription = $true }
                    $out.Add($title)
                }
                else { $out.Add('  ' + (ConvertFrom-InlineMarkdown $block.Text)) }
            }
            'Code' { foreach ($line in $block.Lines) { $out.Add(('        ' + $line).TrimEnd()) } }
            'Paragraph' { foreach ($line in Format-AboutParagraph -Lines $block.Lines -Width $Width) { $out.Add($line) } }
        }
    }
    if (-not $sawShortDescription) { throw "${Path}: an about topic needs a '## SHORT DESCRIPTION' section." }
    $text = $out -join "`n"
    $null = New-Item -ItemType Directory -Force -Path $OutputPath
    $target = Join-Path $OutputPath "$topic.help.txt"
    [System.IO.File]::WriteAllText($target, $text + "`n", [System.Text.UTF8Encoding]::new($false))
    Get-Item -LiteralPath $target
}

function Format-AboutParagraph {
    # Prose and list items are re-wrapped; table rows are kept as written because wrapping breaks them.
    param([string[]] $Lines, [int] $Width)
    if (-not ($Lines | Where-Object { $_ -notmatch '^\s*\|' })) { return Format-AboutTable -Lines $Lines }
    $items = (Join-MarkdownParagraph $Lines) -split "`n"
    foreach ($item in $items) {
        if ($item -match '^\s*([-*+]|\d+[.)])\s+(.*)$') {
            $bullet = $(if ($Matches[1] -match '^\d') { $Matches[1] } else { '-' })
            Format-WrappedText -Text (ConvertFrom-InlineMarkdown $Matches[2]) -FirstIndent "    $bullet " -Indent ('    ' + ' ' * ($bullet.Length + 1)) -Width $Width
            continue
        }
        Format-WrappedText -Text (ConvertFrom-InlineMarkdown $item) -FirstIndent '    ' -Indent '    ' -Width $Width
    }
}

function Format-AboutTable {
    # A markdown table becomes aligned columns without pipes; the |---| separator row is dropped.
    param([string[]] $Lines)
    $rows = foreach ($line in $Lines) {
        $cells = @($line.Trim().Trim('|') -split '\|' | ForEach-Object { ConvertFrom-InlineMarkdown $_.Trim() })
        if (-not ($cells | Where-Object { $_ -notmatch '^:?-+:?$' })) { continue }
        , $cells
    }
    $columns = ($rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = foreach ($c in 0..($columns - 1)) { ($rows | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum }
    foreach ($row in $rows) {
        $padded = for ($c = 0; $c -lt $row.Count; $c++) { $row[$c].PadRight($widths[$c]) }
        ('    ' + ($padded -join '  ')).TrimEnd()
    }
}

function Format-WrappedText {
    param([string] $Text, [string] $FirstIndent, [string] $Indent, [int] $Width)
    $line = $FirstIndent
    $lineHasWord = $false
    foreach ($word in $Text -split '\s+' | Where-Object { $_ }) {
        if ($lineHasWord -and $line.Length + 1 + $word.Length -gt $Width) {
            $line
            $line = $Indent; $lineHasWord = $false
        }
        $line += $(if ($lineHasWord) { ' ' } else { '' }) + $word
        $lineHasWord = $true
    }
    if ($lineHasWord) { $line }
}

function ConvertFrom-InlineMarkdown {
    # Plain-text help has no markup: drop code ticks and emphasis, spell links out.
    param([string] $Text)
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\((https?://[^)]+)\)', '$1 ($2)')
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)]*)\)', '$1')
    $Text = [regex]::Replace($Text, '(\*\*|__)(.+?)\1', '$2')
    $Text -replace '`', ''
}

Export-ModuleMember -Function ConvertTo-MamlHelp, ConvertTo-AboutHelp, ConvertTo-AboutHelpText, Get-AboutTopicPage, Get-CommandHelpPage, Read-CommandHelpMarkdown
