using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AqueraProvisioning.Sandbox;

/// <summary>Middleware order and endpoint registration of the whole sandbox.</summary>
internal static class SandboxPipeline
{
    public static void Configure(WebApplication app, SandboxState state, ScimProbe probe, ScimClient scim)
    {
        app.Use((context, next) =>
        {
            // PingOne puts a fresh Correlation-Id on every response; clients log it next to errors.
            context.Response.Headers["Correlation-Id"] = Guid.NewGuid().ToString();
            return next(context);
        });
        app.Use((context, next) => ErrorBodies.InvokeAsync(context, next, app.Logger));
        app.UseWhen(SandboxPaths.IsObserved, branch => branch.Use((context, next) => ObservedRequests.InvokeAsync(context, next, state)));
        app.UseWhen(SandboxPaths.IsApi, branch => branch.Use((context, next) => ApiGate.InvokeAsync(context, next, state)));
        app.UseWhen(SandboxPaths.IsApi, branch => branch.Use((context, next) => ListQueryGate.InvokeAsync(context, next, state)));
        app.UseWhen(SandboxPaths.IsScim, branch => branch.Use((context, next) => ScimGate.InvokeAsync(context, next, state)));

        TokenEndpoint.Map(app, state);
        StoreReadEndpoints.Map(app, state);
        StoreWriteEndpoints.Map(app, state);
        ConnectionCheckEndpoint.Map(app, state, probe);
        RevisionEndpoints.Map(app, state);
        PlanEndpoints.Map(app, state);
        RuleEndpoints.Map(app, state);
        MappingEndpoints.Map(app, state);
        StoreMetadataEndpoints.Map(app, state, scim);
        UserEndpoints.Map(app, state);
        MembershipEndpoints.Map(app, state);
        DirectoryEntryEndpoints.Map(app, state);
        ScimUserEndpoints.Map(app, state);
        SyncedRuleEndpoints.Map(app, state);
        ControlEndpoints.Map(app, state);
        EngineControlEndpoints.Map(app, state);
    }
}
