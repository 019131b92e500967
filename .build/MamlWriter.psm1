# Writes the MAML that Get-Help reads for compiled cmdlets, from models made by Read-CommandHelpMarkdown.
# The element layout follows what platyPS v1 New-ExternalHelp emits; XmlWriter does all escaping.
Set-StrictMode -Version Latest

$script:Ns = @{
    msh = 'http://msh'
    maml = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp = 'http://msdn.microsoft.com/mshelp'
}
$script:AllSets = '(All)', '__AllParameterSets'

function Write-MamlFile {
    <#
    .SYNOPSIS
    Writes one helpItems document holding every given command model to Path (UTF-8, no BOM).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][object[]] $Commands, [Parameter(Mandatory)][string] $Path)
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false); NewLineChars = "`n" }
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', $script:Ns.msh)
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($command in $Commands) { Write-MamlCommand -Writer $writer -Command $command }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
        $writer.Dispose()
    }
    catch {
        # Never leave half a help file behind for the module folder to ship.
        $writer.Dispose()
        Remove-Item -LiteralPath $Path -Force -ErrorAction SilentlyContinue
        throw
    }
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Command)
    $Writer.WriteStartElement('command', 'command', $script:Ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $Writer.WriteAttributeString('xmlns', $prefix, $null, $script:Ns[$prefix]) }

    $Writer.WriteStartElement('command', 'details', $script:Ns.command)
    Write-Element $Writer 'command' 'name' $Command.Name
    Write-Element $Writer 'command' 'verb' $Command.Verb
    Write-Element $Writer 'command' 'noun' $Command.Noun
    Write-Paragraphs $Writer 'maml' 'description' @($Command.Synopsis)
    $Writer.WriteEndElement()

    Write-Paragraphs $Writer 'maml' 'description' $Command.Description
    Write-Syntax $Writer $Command
    $Writer.WriteStartElement('command', 'parameters', $script:Ns.command)
    foreach ($parameter in $Command.Parameters) { Write-Parameter $Writer $parameter $parameter.Blocks[0] -WithDescription }
    $Writer.WriteEndElement()
    Write-TypeList $Writer 'inputTypes' 'inputType' $Command.Inputs
    Write-TypeList $Writer 'returnValues' 'returnValue' $Command.Outputs

    if ($Command.Notes.Count -gt 0) {
        $Writer.WriteStartElement('maml', 'alertSet', $script:Ns.maml)
        $Writer.WriteStartElement('maml', 'alert', $script:Ns.maml)
        foreach ($note in $Command.Notes) { Write-Element $Writer 'maml' 'para' $note }
        $Writer.WriteEndElement(); $Writer.WriteEndElement()
    }

    Write-Examples $Writer $Command.Examples
    Write-Links $Writer $Command
    $Writer.WriteEndElement()
}

function Write-Syntax {
    # One syntaxItem per documented parameter set; a parameter joins a set through its yaml 'Parameter Sets'.
    param([System.Xml.XmlWriter] $Writer, $Command)
    $Writer.WriteStartElement('command', 'syntax', $script:Ns.command)
    foreach ($set in $Command.SyntaxSets) {
        $members = foreach ($parameter in $Command.Parameters) {
            $block = $parameter.Blocks | Where-Object { $set -in $script:AllSets -or ($_.Sets | Where-Object { $_ -eq $set -or $_ -in $script:AllSets }) } | Select-Object -First 1
            if ($block) { [pscustomobject]@{ Parameter = $parameter; Block = $block } }
        }
        # Positional first (by position), then mandatory named, then the rest, as PowerShell prints syntax.
        $ordered = @($members) | Sort-Object -Stable -Property @(
            @{ Expression = { if ($_.Block.Position -match '^\d+$') { [int]$_.Block.Position } else { [int]::MaxValue } } },
            @{ Expression = { -not $_.Block.Required } })
        $Writer.WriteStartElement('command', 'syntaxItem', $script:Ns.command)
        Write-Element $Writer 'maml' 'name' $Command.Name
        foreach ($member in $ordered) { Write-Parameter $Writer $member.Parameter $member.Block }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Parameter {
    param([System.Xml.XmlWriter] $Writer, $Parameter, $Block, [switch] $WithDescription)
    $isSwitch = $Block.Type -match '^(System\.Management\.Automation\.)?SwitchParameter$'
    $Writer.WriteStartElement('command', 'parameter', $script:Ns.command)
    $Writer.WriteAttributeString('required', $Block.Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ($Block.Type -like '*`[`]').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Block.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Block.PipelineInput)
    $Writer.WriteAttributeString('position', $(if ($Block.Position -match '^\d+$') { $Block.Position } else { 'named' }))
    $Writer.WriteAttributeString('aliases', $(if ($Block.Aliases.Count) { $Block.Aliases -join ', ' } else { 'none' }))
    Write-Element $Writer 'maml' 'name' $Parameter.Name
    if ($WithDescription) { Write-Paragraphs $Writer 'maml' 'description' $Parameter.Description }
    if ($Block.AcceptedValues.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $script:Ns.command)
        foreach ($value in $Block.AcceptedValues) { Write-ParameterValue $Writer $value -Required $false }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch) { Write-ParameterValue $Writer $Block.Type -Required $true }
    elseif ($WithDescription) { Write-ParameterValue $Writer $Block.Type -Required $false }
    if ($WithDescription) {
        $Writer.WriteStartElement('dev', 'type', $script:Ns.dev)
        Write-Element $Writer 'maml' 'name' $Block.Type
        Write-Element $Writer 'maml' 'uri' ''
        $Writer.WriteEndElement()
        Write-Element $Writer 'dev' 'defaultValue' $Block.DefaultValue
    }
    $Writer.WriteEndElement()
}

function Write-ParameterValue {
    param([System.Xml.XmlWriter] $Writer, [string] $Value, [bool] $Required)
    $Writer.WriteStartElement('command', 'parameterValue', $script:Ns.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', 'false')
    $Writer.WriteString($Value)
    $Writer.WriteEndElement()
}

function Write-TypeList {
    param([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Types)
    $Writer.WriteStartElement('command', $ListName, $script:Ns.command)
    foreach ($type in $Types) {
        $Writer.WriteStartElement('command', $ItemName, $script:Ns.command)
        $Writer.WriteStartElement('dev', 'type', $script:Ns.dev)
        Write-Element $Writer 'maml' 'name' $type.TypeName
        $Writer.WriteEndElement()
        Write-Paragraphs $Writer 'maml' 'description' $type.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Examples {
    param([System.Xml.XmlWriter] $Writer, $Examples)
    $Writer.WriteStartElement('command', 'examples', $script:Ns.command)
    foreach ($example in $Examples) {
        $Writer.WriteStartElement('command', 'example', $script:Ns.command)
        Write-Element $Writer 'maml' 'title' "---------- $($example.Title) ----------"
        Write-Element $Writer 'dev' 'code' ($example.Code -join "`n`n")
        Write-Paragraphs $Writer 'dev' 'remarks' $example.Remarks
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Links {
    # 'online version' becomes the first link, which is what Get-Help -Online opens.
    param([System.Xml.XmlWriter] $Writer, $Command)
    $Writer.WriteStartElement('command', 'relatedLinks', $script:Ns.command)
    $links = @()
    if ($Command.OnlineVersion) { $links += [pscustomobject]@{ Text = 'Online Version:'; Uri = $Command.OnlineVersion } }
    $links += @($Command.Links)
    foreach ($link in $links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $script:Ns.maml)
        Write-Element $Writer 'maml' 'linkText' $link.Text
        Write-Element $Writer 'maml' 'uri' $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' })
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

function Write-Paragraphs {
    param([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string[]] $Paragraphs)
    $Writer.WriteStartElement($Prefix, $Name, $script:Ns[$Prefix])
    foreach ($paragraph in $Paragraphs) { if ($paragraph) { Write-Element $Writer 'maml' 'para' $paragraph } }
    $Writer.WriteEndElement()
}

function Write-Element {
    param([System.Xml.XmlWriter] $Writer, [string] $Prefix, [string] $Name, [string] $Text)
    $Writer.WriteElementString($Prefix, $Name, $script:Ns[$Prefix], $Text)
}

Export-ModuleMember -Function Write-MamlFile
