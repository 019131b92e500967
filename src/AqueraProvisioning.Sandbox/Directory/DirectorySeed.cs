using System;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// The directory a fresh sandbox (and every reset) starts with: the populations "Default" and "Contractors", the
/// groups "Sales" and "Engineering" and six users. The ids are fixed so demos and tests can name them.
/// </summary>
internal static class DirectorySeed
{
    public static readonly Guid DefaultPopulationId = Guid.Parse("7a1d0c52-0000-4000-8000-000000000001");
    public static readonly Guid ContractorsPopulationId = Guid.Parse("7a1d0c52-0000-4000-8000-000000000002");
    public static readonly Guid SalesGroupId = Guid.Parse("7a1d0c52-0000-4000-8000-000000000011");
    public static readonly Guid EngineeringGroupId = Guid.Parse("7a1d0c52-0000-4000-8000-000000000012");

    private static readonly (string Given, string Family, string Title, bool Contractor, Guid? Group)[] People =
    [
        ("Alice", "Anders", "Account Executive", false, SalesGroupId),
        ("Bob", "Baker", "Sales Engineer", false, SalesGroupId),
        ("Carol", "Chen", "Software Engineer", false, EngineeringGroupId),
        ("Dave", "Diaz", "Office Manager", false, null),
        ("Erin", "Evans", "Consultant", true, null),
        ("Frank", "Fischer", "Designer", true, null),
    ];

    public static void Seed(PingOneDirectory directory)
    {
        directory.AddEntry(directory.Populations, "Default", "The environment's default population.", null, isDefault: true, id: DefaultPopulationId);
        directory.AddEntry(directory.Populations, "Contractors", "External contractors.", null, id: ContractorsPopulationId);
        directory.AddEntry(directory.Groups, "Sales", "The sales team.", null, id: SalesGroupId);
        directory.AddEntry(directory.Groups, "Engineering", "The engineering team.", null, id: EngineeringGroupId);

        for (var i = 0; i < People.Length; i++)
        {
            var (given, family, title, contractor, group) = People[i];
            var username = $"{given}.{family}".ToLowerInvariant();
            var attributes = new JsonObject
            {
                ["username"] = username,
                ["email"] = username + "@example.com",
                ["name"] = new JsonObject { ["given"] = given, ["family"] = family, ["formatted"] = $"{given} {family}" },
                ["title"] = title,
                ["accountId"] = $"E{1001 + i}",
            };
            var id = Guid.Parse($"7a1d0c52-0000-4000-8000-0000000001{i + 1:D2}");
            var content = new UserContent(username, contractor ? ContractorsPopulationId : DefaultPopulationId, true, JsonSerializer.SerializeToElement(attributes));
            directory.AddUser(content, id, announce: false);
            if (group is { } groupId)
            {
                directory.Memberships.Add((membershipId, sequence) => new GroupMembership(membershipId, sequence, id, groupId, IsoTime.Now()));
            }
        }
    }
}
