# Reads one cmdlet page written in the platyPS v1 markdown schema (schema: 2.0.0) into a plain object model.
# platyPS itself is not available here, so this reader is strict: an unknown section, a missing synopsis or a
# parameter without its yaml block fails the build with the file and line, instead of shipping thin help.
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'MarkdownBlocks.psm1')

$script:KnownSections = 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS'
$script:AllSets = '(All)', '__AllParameterSets'

function Read-CommandHelpMarkdown {
    <#
    .SYNOPSIS
    Parses a platyPS v1 cmdlet page. Returns Name, Verb, Noun, HelpFile, ModuleName, OnlineVersion, Synopsis,
    Description (paragraphs), SyntaxSets (names), Examples (Title, Code, Remarks), Parameters (Name,
    Description, Blocks: one per yaml block), Inputs, Outputs (TypeName, Description), Notes, Links (Text, Uri).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline, ValueFromPipelineByPropertyName)][Alias('FullName')][string] $Path)
    process {
        $doc = ConvertFrom-MarkdownBlocks -Path $Path
        $fail = { param($line, $message) throw "${Path}:${line}: $message" }
        if ($doc.FrontMatter['schema'] -ne '2.0.0') { & $fail 1 "front matter must declare 'schema: 2.0.0' (platyPS v1 schema)." }
        if (-not $doc.FrontMatter['external help file']) { & $fail 1 "front matter must name the 'external help file'." }

        $model = [ordered]@{
            Name = $null; Verb = $null; Noun = $null; Path = $Path
            HelpFile = $doc.FrontMatter['external help file']; ModuleName = $doc.FrontMatter['Module Name']
            OnlineVersion = $doc.FrontMatter['online version']
            Synopsis = ''; Description = [System.Collections.Generic.List[string]]::new()
            SyntaxSets = [System.Collections.Generic.List[string]]::new()
            Examples = [System.Collections.Generic.List[object]]::new()
            Parameters = [System.Collections.Generic.List[object]]::new()
            Inputs = [System.Collections.Generic.List[object]]::new()
            Outputs = [System.Collections.Generic.List[object]]::new()
            Notes = [System.Collections.Generic.List[string]]::new()
            Links = [System.Collections.Generic.List[object]]::new()
        }
        $section = $null; $item = $null
        foreach ($block in $doc.Blocks) {
            if ($block.Kind -eq 'Heading') {
                switch ($block.Level) {
                    1 {
                        if ($model.Name) { & $fail $block.Line "a second '# ' title; one cmdlet per page." }
                        if ($block.Text -notmatch '^(\w+)-(\w+)$') { & $fail $block.Line "the title '$($block.Text)' is not a Verb-Noun cmdlet name." }
                        $model.Name = $block.Text; $model.Verb = $Matches[1]; $model.Noun = $Matches[2]
                    }
                    2 {
                        $section = $block.Text.Trim().ToUpperInvariant(); $item = $null
                        if ($section -notin $script:KnownSections) { & $fail $block.Line "unknown section '## $($block.Text)'; expected one of: $($script:KnownSections -join ', ')." }
                    }
                    3 { $item = Add-SectionItem -Model $model -Section $section -Heading $block -Fail $fail }
                    default { & $fail $block.Line "heading level $($block.Level) is not part of the schema." }
                }
                continue
            }
            if (-not $section) { & $fail $block.Line 'text before the first ## section.' }
            Add-SectionContent -Model $model -Section $section -Item $item -Block $block -Fail $fail
        }
        Assert-CommandHelpModel -Model $model -Fail $fail
        [pscustomobject]$model
    }
}

function Add-SectionItem {
    # A '### ' heading opens an item whose meaning depends on the section it sits in.
    param($Model, $Section, $Heading, $Fail)
    $text = $Heading.Text.Trim()
    switch ($Section) {
        'SYNTAX' { $Model.SyntaxSets.Add(($text -replace '\s*\(Default\)$', '')); return $null }
        'EXAMPLES' {
            $example = [pscustomobject]@{ Title = $text; Code = [System.Collections.Generic.List[string]]::new(); Remarks = [System.Collections.Generic.List[string]]::new() }
            $Model.Examples.Add($example); return $example
        }
        'PARAMETERS' {
            if ($text -eq 'CommonParameters') { return [pscustomobject]@{ Common = $true } }
            if ($text -notmatch '^-(\w+)$') { & $Fail $Heading.Line "parameter heading '### $text' must be '### -Name'." }
            $parameter = [pscustomobject]@{ Name = $Matches[1]; Description = [System.Collections.Generic.List[string]]::new(); Blocks = [System.Collections.Generic.List[object]]::new(); Line = $Heading.Line }
            if ($Model.Parameters | Where-Object Name -EQ $parameter.Name) { & $Fail $Heading.Line "parameter -$($parameter.Name) is described twice." }
            $Model.Parameters.Add($parameter); return $parameter
        }
        { $_ -in 'INPUTS', 'OUTPUTS' } {
            $type = [pscustomobject]@{ TypeName = $text; Description = [System.Collections.Generic.List[string]]::new() }
            $Model[$(if ($Section -eq 'INPUTS') { 'Inputs' } else { 'Outputs' })].Add($type); return $type
        }
        default { & $Fail $Heading.Line "'### $text' is not allowed in section $Section." }
    }
}

function Add-SectionContent {
    # Paragraphs and code blocks land in the current section or item.
    param($Model, $Section, $Item, $Block, $Fail)
    $paragraph = if ($Block.Kind -eq 'Paragraph') { Join-MarkdownParagraph $Block.Lines } else { $Block.Text }
    switch ($Section) {
        'SYNOPSIS' { $Model.Synopsis = ($Model.Synopsis + ' ' + $paragraph).Trim() }
        'DESCRIPTION' { $Model.Description.Add($paragraph) }
        'SYNTAX' { }  # The syntax shown by Get-Help is generated from the parameter yaml, as platyPS does.
        'EXAMPLES' {
            if ($null -eq $Item) { & $Fail $Block.Line "example text before the first '### Example' heading." }
            $isCode = $Block.Kind -eq 'Code' -and $Block.Language -in '', 'powershell', 'ps', 'pwsh', 'ps1'
            if ($isCode -and $Item.Remarks.Count -eq 0 -and -not ($Item.Code.Count -gt 0 -and $Block.Language -eq '')) { $Item.Code.Add($Block.Text) }
            else { $Item.Remarks.Add($paragraph) }
        }
        'PARAMETERS' {
            if ($null -eq $Item) { & $Fail $Block.Line "text before the first '### -Parameter' heading." }
            if ($Item.PSObject.Properties['Common']) { return }
            if ($Block.Kind -eq 'Code' -and $Block.Language -eq 'yaml') { $Item.Blocks.Add((ConvertFrom-ParameterYaml -Lines $Block.Lines -Line $Block.Line -Fail $Fail)) }
            else { $Item.Description.Add($paragraph) }
        }
        { $_ -in 'INPUTS', 'OUTPUTS' } {
            if ($null -ne $Item) { $Item.Description.Add($paragraph) }
            else { $Model[$(if ($Section -eq 'INPUTS') { 'Inputs' } else { 'Outputs' })].Add([pscustomobject]@{ TypeName = $paragraph; Description = [System.Collections.Generic.List[string]]::new() }) }
        }
        'NOTES' { $Model.Notes.Add($paragraph) }
        'RELATED LINKS' {
            foreach ($line in $Block.Lines) {
                if ($line -match '^\s*\[([^\]]+)\]\(([^)]*)\)') { $Model.Links.Add([pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] }) }
                elseif ($line.Trim()) { $Model.Links.Add([pscustomobject]@{ Text = $line.Trim(); Uri = '' }) }
            }
        }
    }
}

function ConvertFrom-ParameterYaml {
    # The parameter block is flat 'Key: value' yaml; each key of the v1 schema is read, unknown keys fail.
    param([string[]] $Lines, [int] $Line, $Fail)
    $map = @{}
    foreach ($entry in $Lines) {
        if (-not $entry.Trim()) { continue }
        if ($entry -notmatch '^\s*([^:]+):\s*(.*?)\s*$') { & $Fail $Line "yaml line '$entry' is not 'Key: value'." }
        $map[$Matches[1].Trim()] = $Matches[2]
    }
    $known = 'Type', 'Parameter Sets', 'Aliases', 'Accepted values', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters', 'Applicable'
    foreach ($key in $map.Keys) { if ($key -notin $known) { & $Fail $Line "unknown yaml key '$key'." } }
    foreach ($key in 'Type', 'Parameter Sets', 'Required', 'Position', 'Default value', 'Accept pipeline input', 'Accept wildcard characters') {
        if (-not $map.ContainsKey($key)) { & $Fail $Line "the parameter yaml lacks '${key}:'." }
    }
    $split = { param($value) @(if ($value) { $value -split '\s*,\s*' | Where-Object { $_ -and $_ -ne 'None' } }) }
    [pscustomobject]@{
        Type = $map['Type']
        Sets = @(& $split $map['Parameter Sets'])
        Aliases = @(& $split $map['Aliases'])
        AcceptedValues = @(& $split $map['Accepted values'])
        Required = $map['Required'] -eq 'True'
        Position = $map['Position']
        DefaultValue = $map['Default value']
        PipelineInput = $map['Accept pipeline input']
        Globbing = $map['Accept wildcard characters'] -eq 'True'
    }
}

function Assert-CommandHelpModel {
    # Checks that hold for every page regardless of the cmdlet; cmdlet-specific drift is a Pester test.
    param($Model, $Fail)
    if (-not $Model.Name) { & $Fail 1 "no '# Verb-Noun' title." }
    $fileName = [System.IO.Path]::GetFileNameWithoutExtension($Model.Path)
    if ($fileName -ne $Model.Name) { & $Fail 1 "the page for $($Model.Name) must be named $($Model.Name).md." }
    if (-not $Model.Synopsis) { & $Fail 1 'the SYNOPSIS is empty.' }
    if ($Model.SyntaxSets.Count -eq 0) { & $Fail 1 "SYNTAX needs at least one '### SetName' heading." }
    foreach ($parameter in $Model.Parameters) {
        if ($parameter.Blocks.Count -eq 0) { & $Fail $parameter.Line "parameter -$($parameter.Name) has no yaml block." }
        if ($parameter.Description.Count -eq 0) { & $Fail $parameter.Line "parameter -$($parameter.Name) has no description." }
        if (@($parameter.Blocks | Where-Object { $_.Sets.Count -eq 0 }).Count) { & $Fail $parameter.Line "parameter -$($parameter.Name) has an empty 'Parameter Sets:'; use (All) or set names." }
        foreach ($set in $parameter.Blocks.Sets) {
            if ($set -notin $script:AllSets -and $set -notin $Model.SyntaxSets) {
                & $Fail $parameter.Line "parameter -$($parameter.Name) names set '$set', which SYNTAX does not list ($($Model.SyntaxSets -join ', '))."
            }
        }
    }
}

Export-ModuleMember -Function Read-CommandHelpMarkdown
