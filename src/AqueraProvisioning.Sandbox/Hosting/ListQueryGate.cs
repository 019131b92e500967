using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// Knob <c>strictListQuery</c>: the spec declares no query parameter on the propagation lists (stores, plans, rules,
/// a plan's rules, a rule's mappings), so a strict PingOne may refuse <c>limit</c> and anything else there. The one
/// parameter still taken is the <c>cursor</c> of a next link the sandbox gave, as a server follows its own links.
/// The directory's lists (users, populations, groups) document <c>limit</c> and <c>filter</c> and are left alone.
/// </summary>
internal static class ListQueryGate
{
    private const string Cursor = "cursor";

    private static readonly HashSet<string> UndeclaredQueryLists = new(StringComparer.Ordinal)
    {
        Routes.Stores, Routes.Plans, Routes.Rules, Routes.PlanRules, Routes.RuleMappings,
    };

    /// <summary>True when the request lists a collection whose query the knob makes strict.</summary>
    public static bool IsStrict(HttpContext context, SandboxState state) =>
        state.Settings.StrictListQuery
        && HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route }
        && UndeclaredQueryLists.Contains(route);

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, SandboxState state)
    {
        if (IsStrict(context, state))
        {
            var errors = new ValidationErrors();
            foreach (var (name, _) in context.Request.Query)
            {
                if (name != Cursor)
                {
                    errors.Invalid(name, $"{name} is not a query parameter of this collection.");
                }
            }

            if (errors.Count > 0)
            {
                await PingOneError.InvalidDataAsync(context, errors.Details);
                return;
            }
        }

        await next(context);
    }
}
