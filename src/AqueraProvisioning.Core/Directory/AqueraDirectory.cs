using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AqueraProvisioning.Core;

/// <summary>
/// The PingOne directory as rules see it: populations and groups by name or id (an unknown name fails with the
/// closest names the directory has), and users by username or id.
/// </summary>
public sealed class AqueraDirectory
{
    private const int MostSuggestions = 5;

    private static readonly DirectoryKind s_populations = new DirectoryKind("populations", PingOneResourceKind.Population, "population", ErrorIds.PopulationNotFound);
    private static readonly DirectoryKind s_groups = new DirectoryKind("groups", PingOneResourceKind.Group, "group", ErrorIds.GroupNotFound);
    private readonly PingOneApi _api;

    internal AqueraDirectory(PingOneApi api)
    {
        _api = api;
    }

    /// <summary>Every population of the environment.</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<IReadOnlyList<AqueraDirectoryEntry>> ListPopulationsAsync(OperationContext context, CancellationToken cancellationToken) =>
        ListAsync(s_populations, context, cancellationToken);

    /// <summary>Every group of the environment.</summary>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<IReadOnlyList<AqueraDirectoryEntry>> ListGroupsAsync(OperationContext context, CancellationToken cancellationToken) =>
        ListAsync(s_groups, context, cancellationToken);

    /// <summary>
    /// The population with this name (case-insensitive) or id. An id is checked to exist; an unknown name fails
    /// with AqueraPopulationNotFound, whose message lists up to five close names.
    /// </summary>
    /// <param name="nameOrId">A population name or id.</param>
    /// <param name="known">Every population, when the caller has already listed them; null to ask PingOne by name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<AqueraDirectoryEntry> ResolvePopulationAsync(string nameOrId, IReadOnlyList<AqueraDirectoryEntry>? known, OperationContext context, CancellationToken cancellationToken) =>
        ResolveAsync(s_populations, nameOrId, known, context, cancellationToken);

    /// <summary>The group with this name (case-insensitive) or id; like <see cref="ResolvePopulationAsync"/>, with AqueraGroupNotFound.</summary>
    /// <param name="nameOrId">A group name or id.</param>
    /// <param name="known">Every group, when the caller has already listed them; null to ask PingOne by name.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public Task<AqueraDirectoryEntry> ResolveGroupAsync(string nameOrId, IReadOnlyList<AqueraDirectoryEntry>? known, OperationContext context, CancellationToken cancellationToken) =>
        ResolveAsync(s_groups, nameOrId, known, context, cancellationToken);

    /// <summary>The user with this username (case-insensitive) or id; AqueraUserNotFound when there is none.</summary>
    /// <param name="usernameOrId">A username or a user id.</param>
    /// <param name="context">The operation context.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AqueraDirectoryUser> ResolveUserAsync(string usernameOrId, OperationContext context, CancellationToken cancellationToken)
    {
        string wanted = RequireText(usernameOrId, "user", "User");
        PingOneUser? user;
        if (Guid.TryParseExact(wanted, "D", out Guid id))
        {
            string userId = id.ToString("D");
            user = await _api.SendAsync(new PingOneRequest(HttpMethod.Get, _api.Url("users", userId), PingOneResourceKind.User, userId), CoreJson.Default.PingOneUser, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var byName = new PingOneCollection<PingOneUser>("users?filter=" + Uri.EscapeDataString(ScimFilterText.Equal("username", wanted)), "users", CoreJson.Default.ListPingOneUser);
            user = await _api.FindAsync(byName, u => string.Equals(u.Username, wanted, StringComparison.OrdinalIgnoreCase), context, cancellationToken).ConfigureAwait(false)
                ?? throw new AqueraOperationException(ErrorIds.UserNotFound, "There is no PingOne user with the username '" + wanted + "'.") { Name = wanted };
        }

        return new AqueraDirectoryUser
        {
            Id = user?.Id ?? wanted,
            Username = user?.Username ?? wanted,
            Email = user?.Email,
            Enabled = user?.Enabled != false,
            PopulationId = user?.Population?.Id,
        };
    }

    private static string RequireText(string? value, string what, string field)
    {
        string text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new AqueraValidationException(ErrorIds.InvalidName, "The " + what + " name is empty.", field, AqueraInputProblem.Empty);
        }

        return text;
    }

    private static AqueraDirectoryEntry ToEntry(PingOneDirectoryEntry wire) =>
        new AqueraDirectoryEntry(wire.Id ?? string.Empty, wire.Name) { Description = wire.Description, IsDefault = wire.Default == true };

    private async Task<IReadOnlyList<AqueraDirectoryEntry>> ListAsync(DirectoryKind kind, OperationContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<PingOneDirectoryEntry> all = await _api.ListAllAsync(kind.Collection, context, cancellationToken).ConfigureAwait(false);
        return all.Where(e => !string.IsNullOrEmpty(e.Id)).Select(ToEntry).ToList();
    }

    private async Task<AqueraDirectoryEntry> ResolveAsync(DirectoryKind kind, string nameOrId, IReadOnlyList<AqueraDirectoryEntry>? known, OperationContext context, CancellationToken cancellationToken)
    {
        string wanted = RequireText(nameOrId, kind.Word, kind.Word == "group" ? "Group" : "Population");
        if (Guid.TryParseExact(wanted, "D", out Guid parsed))
        {
            string id = parsed.ToString("D");
            AqueraDirectoryEntry? listed = known?.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
            if (listed != null)
            {
                return listed;
            }

            if (known != null)
            {
                throw NotFound(kind, "There is no " + kind.Word + " with the id " + id + ".", id);
            }

            try
            {
                PingOneDirectoryEntry? entry = await _api.SendAsync(new PingOneRequest(HttpMethod.Get, _api.Url(kind.Path, id), kind.ResourceKind, id), CoreJson.Default.PingOneDirectoryEntry, context, cancellationToken).ConfigureAwait(false);
                return entry is null ? new AqueraDirectoryEntry(id, null) : ToEntry(entry);
            }
            catch (PingOneApiException ex) when (ex.IsNotFound)
            {
                throw NotFound(kind, "There is no " + kind.Word + " with the id " + id + ".", id, ex);
            }
        }

        bool Same(AqueraDirectoryEntry e) => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase);
        if (known is null)
        {
            var byName = new PingOneCollection<PingOneDirectoryEntry>(kind.Path + "?filter=" + Uri.EscapeDataString(ScimFilterText.Equal("name", wanted)), kind.Path, CoreJson.Default.ListPingOneDirectoryEntry);
            PingOneDirectoryEntry? found = await _api.FindAsync(byName, e => string.Equals(e.Name, wanted, StringComparison.OrdinalIgnoreCase), context, cancellationToken).ConfigureAwait(false);
            if (found?.Id != null)
            {
                return ToEntry(found);
            }

            // PingOne's eq may compare case-sensitively; the whole list settles it and gives the close names.
            known = await ListAsync(kind, context, cancellationToken).ConfigureAwait(false);
        }

        AqueraDirectoryEntry? match = known.FirstOrDefault(Same);
        if (match != null)
        {
            return match;
        }

        IReadOnlyList<string> close = NameSuggestions.Closest(wanted, known.Select(e => e.Name ?? string.Empty), MostSuggestions);
        string hint = close.Count > 0
            ? " Close matches: " + string.Join(", ", close.Select(n => "'" + n + "'")) + "."
            : string.Format(CultureInfo.InvariantCulture, " No {0} has a similar name (the environment has {1}).", kind.Word, known.Count == 0 ? "none" : known.Count.ToString(CultureInfo.InvariantCulture));
        throw NotFound(kind, "There is no " + kind.Word + " named '" + wanted + "'." + hint, wanted);
    }

    private static AqueraOperationException NotFound(DirectoryKind kind, string message, string name, Exception? inner = null) =>
        new AqueraOperationException(kind.NotFoundErrorId, message, inner) { Name = name };

    private sealed class DirectoryKind
    {
        public DirectoryKind(string path, PingOneResourceKind resourceKind, string word, string notFoundErrorId)
        {
            Path = path;
            ResourceKind = resourceKind;
            Word = word;
            NotFoundErrorId = notFoundErrorId;
            Collection = new PingOneCollection<PingOneDirectoryEntry>(path, path, CoreJson.Default.ListPingOneDirectoryEntry);
        }

        public string Path { get; }

        public PingOneResourceKind ResourceKind { get; }

        public string Word { get; }

        public string NotFoundErrorId { get; }

        public PingOneCollection<PingOneDirectoryEntry> Collection { get; }
    }
}
