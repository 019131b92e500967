using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The PingOne Users API subset: <c>GET|POST /users</c> (filter on username, email, population.id),
/// <c>GET|PUT|PATCH|DELETE /users/{id}</c> and <c>PUT /users/{id}/enabled</c>. Writes need application/json.
/// </summary>
internal static class UserEndpoints
{
    public const string Kind = "user";

    private static readonly string[] FilterAttributes = ["username", "email", "population.id"];

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var directory = state.Directory;
        routes.MapGet(Routes.Users, context => ListAsync(context, state));
        routes.MapPost(Routes.Users, context => CreateAsync(context, state));
        ItemEndpoint.MapGet(routes, Routes.User, context => FindAsync(context, directory), user => UserJson.Render(user, state.Info));
        routes.MapPut(Routes.User, context => PutAsync(context, state));
        routes.MapPatch(Routes.User, context => PatchAsync(context, state));
        routes.MapDelete(Routes.User, async context =>
        {
            if (await FindAsync(context, directory) is { } user)
            {
                directory.RemoveUser(user.Id);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }
        });
        routes.MapPut(Routes.UserEnabled, context => SetEnabledAsync(context, state));
    }

    private static Task PutAsync(HttpContext context, SandboxState state) =>
        WriteAnswer.ReplaceAsync(context, () => FindAsync(context, state.Directory), (body, current, errors) => Replace(state.Directory, body, current, errors, merge: false), Kind, user => UserJson.Render(user, state.Info));

    private static Task PatchAsync(HttpContext context, SandboxState state) =>
        WriteAnswer.ReplaceAsync(context, () => FindAsync(context, state.Directory), (body, current, errors) => Replace(state.Directory, body, current, errors, merge: true), Kind, user => UserJson.Render(user, state.Info));

    public static Task<DirectoryUser?> FindAsync(HttpContext context, PingOneDirectory directory) =>
        ResourceLookup.FindOrNotFoundAsync(context, directory.Users, "userId", Kind);

    private static async Task ListAsync(HttpContext context, SandboxState state)
    {
        var (filter, error) = ListFilter.Parse(context.Request.Query["filter"].ToString(), FilterAttributes);
        if (error is not null)
        {
            await ListFilter.RejectAsync(context, error);
            return;
        }

        var directory = state.Directory;
        await ListEndpoint.WriteAsync(
            context,
            state,
            directory.Users,
            ApiUrls.Collection(state.Info, "users"),
            "users",
            user => UserJson.Render(user, state.Info),
            filter is null ? null : user => FilterEvaluator.Matches(filter, UserView.Build(user, directory)),
            ListFilter.Preserved(context));
    }

    private static async Task CreateAsync(HttpContext context, SandboxState state)
    {
        if (await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var directory = state.Directory;
        var user = directory.Locked(() => UserValidator.Validate(body, directory, null, errors) is { } content ? directory.AddUser(content) : null);
        await WriteAnswer.CreatedAsync(context, user, errors, u => UserJson.Url(state.Info, u.Id), u => UserJson.Render(u, state.Info));
    }

    /// <summary>PUT replaces the attributes; PATCH merges the body into the user first (RFC 7396).</summary>
    private static DirectoryUser? Replace(PingOneDirectory directory, JsonObject body, DirectoryUser current, ValidationErrors errors, bool merge) =>
        directory.Locked(() =>
        {
            var latest = directory.Users.Find(current.Id);
            if (latest is null)
            {
                return null;
            }

            var whole = merge ? JsonMergePatch.Apply(UserJson.Writable(latest), body) : body;
            return UserValidator.Validate(whole, directory, latest, errors) is { } content ? directory.ReplaceUser(latest.Id, content) : null;
        });

    private static async Task SetEnabledAsync(HttpContext context, SandboxState state)
    {
        var directory = state.Directory;
        if (await FindAsync(context, directory) is not { } current || await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var enabled = JsonFields.Boolean(body, "enabled", "enabled", errors);
        if (enabled is null)
        {
            if (errors.Count == 0)
            {
                errors.Required("enabled");
            }

            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        if (directory.SetEnabled(current.Id, enabled.Value) is not { } user)
        {
            await ResourceLookup.NotFoundAsync(context, Kind, current.Id.ToString());
            return;
        }

        var userUrl = UserJson.Url(state.Info, user.Id);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, new JsonObject
        {
            ["_links"] = new JsonObject { ["self"] = Links.Href(userUrl + "/enabled"), ["user"] = Links.Href(userUrl) },
            ["enabled"] = user.Enabled,
        });
    }
}
