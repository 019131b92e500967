# Splits markdown into a flat list of blocks (heading, code, paragraph, blank-separated) so the help
# converters can walk a page without a markdown library. Only what the platyPS v1 schema and our about_
# page use is understood: ATX headings, fenced code blocks, paragraphs, lists and tables as plain lines.
Set-StrictMode -Version Latest

function ConvertFrom-MarkdownBlocks {
    <#
    .SYNOPSIS
    Returns the front matter (ordered hashtable, empty when absent) and the blocks of a markdown file.
    Each block: Kind (Heading|Code|Paragraph), Level (headings), Text, Lines (paragraphs), Language (code), Line.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Path)

    $lines = [System.IO.File]::ReadAllLines($Path)
    $frontMatter = [ordered]@{}
    $i = 0
    if ($lines.Count -gt 0 -and $lines[0].Trim() -eq '---') {
        $i = 1
        while ($i -lt $lines.Count -and $lines[$i].Trim() -ne '---') {
            if ($lines[$i] -match '^\s*([^:#][^:]*):\s*(.*?)\s*$') { $frontMatter[$Matches[1].Trim()] = $Matches[2] }
            $i++
        }
        if ($i -ge $lines.Count) { throw "${Path}: the YAML front matter opened on line 1 is never closed with '---'." }
        $i++
    }

    $blocks = [System.Collections.Generic.List[object]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $paragraphStart = 0
    $flush = {
        if ($paragraph.Count -gt 0) {
            $blocks.Add([pscustomobject]@{ Kind = 'Paragraph'; Level = 0; Language = ''; Lines = @($paragraph); Text = ($paragraph -join "`n"); Line = $paragraphStart })
            $paragraph.Clear()
        }
    }
    for (; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^\s*(`{3,}|~{3,})\s*([\w+#.-]*)') {
            . $flush
            $fence = $Matches[1]; $language = $Matches[2]; $start = $i + 1
            $code = [System.Collections.Generic.List[string]]::new()
            $i++
            while ($i -lt $lines.Count -and $lines[$i].Trim() -ne $fence) { $code.Add($lines[$i]); $i++ }
            if ($i -ge $lines.Count) { throw "${Path}:${start}: the code block opened here is never closed with '$fence'." }
            $blocks.Add([pscustomobject]@{ Kind = 'Code'; Level = 0; Language = $language.ToLowerInvariant(); Lines = @($code); Text = ($code -join "`n"); Line = $start })
            continue
        }
        if ($line -match '^(#{1,6})\s+(.*?)\s*#*\s*$') {
            . $flush
            $blocks.Add([pscustomobject]@{ Kind = 'Heading'; Level = $Matches[1].Length; Language = ''; Lines = @(); Text = $Matches[2]; Line = $i + 1 })
            continue
        }
        if ($line.Trim() -eq '') { . $flush; continue }
        if ($paragraph.Count -eq 0) { $paragraphStart = $i + 1 }
        $paragraph.Add($line.TrimEnd())
    }
    . $flush
    [pscustomobject]@{ FrontMatter = $frontMatter; Blocks = $blocks.ToArray() }
}

function Join-MarkdownParagraph {
    <#
    .SYNOPSIS
    Joins a paragraph's soft-wrapped lines with spaces but keeps the line breaks before list items and table
    rows: help viewers re-wrap prose, yet must not run list items together.
    #>
    param([string[]] $Lines)
    $parts = foreach ($line in $Lines) {
        if ($line -match '^\s*([-*+]|\d+[.)])\s+' -or $line -match '^\s*\|') { "`n" + $line.TrimEnd() } else { ' ' + $line.Trim() }
    }
    (-join $parts).TrimStart() -replace ' \n', "`n"
}

Export-ModuleMember -Function ConvertFrom-MarkdownBlocks, Join-MarkdownParagraph
