using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// A user's direct group memberships: <c>GET|POST /users/{id}/memberOfGroups</c> and
/// <c>GET|DELETE /users/{id}/memberOfGroups/{groupId}</c>. A membership is named by its group id.
/// </summary>
internal static class MembershipEndpoints
{
    private const string Kind = "group membership";

    public static void Map(IEndpointRouteBuilder routes, SandboxState state)
    {
        var directory = state.Directory;
        ListEndpoint.MapChildren(
            routes,
            Routes.UserGroups,
            state,
            context => UserEndpoints.FindAsync(context, directory),
            new ChildList<DirectoryUser, GroupMembership>(
                directory.Memberships,
                user => Url(state.Info, user.Id),
                "groupMemberships",
                membership => Render(membership, state),
                user => membership => membership.UserId == user.Id));
        routes.MapPost(Routes.UserGroups, context => AddAsync(context, state));
        ItemEndpoint.MapGet(routes, Routes.UserGroup, context => FindAsync(context, directory), membership => Render(membership, state));
        routes.MapDelete(Routes.UserGroup, async context =>
        {
            if (await FindAsync(context, directory) is { } membership)
            {
                directory.RemoveMembership(membership.UserId, membership.GroupId);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            }
        });
    }

    private static string Url(SandboxInfo info, Guid userId) => UserJson.Url(info, userId) + "/memberOfGroups";

    private static async Task AddAsync(HttpContext context, SandboxState state)
    {
        var directory = state.Directory;
        if (await UserEndpoints.FindAsync(context, directory) is not { } user || await RequestJson.ReadJsonBodyAsync(context) is not { } body)
        {
            return;
        }

        var errors = new ValidationErrors();
        var text = JsonFields.String(body, "id", "id", errors, required: true);
        if (text is not null && (!Guid.TryParse(text, out var groupId) || directory.Groups.Find(groupId) is null))
        {
            errors.Invalid("id", $"id must be the id of an existing group; {text} is not one.");
        }

        if (errors.Count > 0)
        {
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        if (directory.AddMembership(user.Id, Guid.Parse(text!)) is not { } membership)
        {
            errors.NotUnique("id", $"The user is already a member of group {text}.");
            await PingOneError.InvalidDataAsync(context, errors.Details);
            return;
        }

        var rendered = Render(membership, state);
        context.Response.Headers.Location = Url(state.Info, user.Id) + "/" + membership.GroupId;
        await JsonResponse.WriteAsync(context, StatusCodes.Status201Created, rendered);
    }

    private static async Task<GroupMembership?> FindAsync(HttpContext context, PingOneDirectory directory)
    {
        if (await UserEndpoints.FindAsync(context, directory) is not { } user)
        {
            return null;
        }

        var text = (string?)context.Request.RouteValues["groupId"];
        if (Guid.TryParse(text, out var groupId) && directory.Memberships.FindFirst(m => m.UserId == user.Id && m.GroupId == groupId) is { } membership)
        {
            return membership;
        }

        await ResourceLookup.NotFoundAsync(context, Kind, text);
        return null;
    }

    private static JsonObject Render(GroupMembership membership, SandboxState state) => new()
    {
        ["_links"] = new JsonObject
        {
            ["self"] = Links.Href(Url(state.Info, membership.UserId) + "/" + membership.GroupId),
            ["group"] = Links.Href(ApiUrls.Item(state.Info, "groups", membership.GroupId)),
            ["user"] = Links.Href(UserJson.Url(state.Info, membership.UserId)),
        },
        ["id"] = membership.GroupId.ToString(),
        ["name"] = state.Directory.Groups.Find(membership.GroupId)?.Name,
        ["type"] = "DIRECT",
    };
}
