using System.Collections.Generic;

namespace AqueraProvisioning.Sandbox;

/// <summary>A parsed PingOne expression (the subset the sandbox evaluates).</summary>
internal abstract record PelNode;

/// <summary>A string (<c>'...'</c> or <c>"..."</c>) or whole-number literal.</summary>
internal sealed record PelLiteral(object Value) : PelNode;

/// <summary>A property path rooted at <c>user</c> or <c>#root</c>: <c>user.name.given</c>, <c>user['accountId']</c>.</summary>
internal sealed record PelProperty(IReadOnlyList<string> Names) : PelNode;

/// <summary><c>a + b + ...</c>: string concatenation.</summary>
internal sealed record PelConcat(IReadOnlyList<PelNode> Parts) : PelNode;

/// <summary><c>#string.lower(x)</c>, <c>#string.upper(x)</c> or <c>#string.substring(x, start, end)</c>.</summary>
internal sealed record PelCall(string Function, IReadOnlyList<PelNode> Arguments) : PelNode;
