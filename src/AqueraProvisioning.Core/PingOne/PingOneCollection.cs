using System.Collections.Generic;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AqueraProvisioning.Core;

/// <summary>
/// A collection endpoint of the environment: its path, the <c>_embedded</c> key its items come under (each
/// collection has its own: <c>stores</c>, <c>rules</c>, <c>mappings</c>, <c>users</c>, ...), the items' serializer
/// and the page shapes it may answer with.
/// </summary>
/// <typeparam name="T">The wire item type.</typeparam>
internal sealed class PingOneCollection<T>
{
    /// <param name="path">The path under <c>/environments/{id}/</c>, such as <c>propagation/stores</c>; it may carry a query.</param>
    /// <param name="embeddedName">The key under <c>_embedded</c>.</param>
    /// <param name="itemsType">The source-generated serializer of the item list.</param>
    /// <param name="shapes">The shapes to accept.</param>
    /// <param name="ownerKind">What owns the collection, so a 404 on it names that (a plan's rules: the plan); null for the environment.</param>
    /// <param name="ownerId">The owner's id.</param>
    public PingOneCollection(string path, string embeddedName, JsonTypeInfo<List<T>> itemsType, PageShapes shapes = PageShapes.Hal, PingOneResourceKind? ownerKind = null, string? ownerId = null)
    {
        Path = path;
        EmbeddedName = embeddedName;
        ItemsType = itemsType;
        Shapes = shapes;
        OwnerKind = ownerKind;
        OwnerId = ownerId;
    }

    public string Path { get; }

    public string EmbeddedName { get; }

    public JsonTypeInfo<List<T>> ItemsType { get; }

    /// <summary>The source-generated converter of the item list, which the page reader calls directly.</summary>
    public JsonConverter<List<T>> ItemsConverter => (JsonConverter<List<T>>)ItemsType.Converter;

    public PageShapes Shapes { get; }

    public PingOneResourceKind? OwnerKind { get; }

    public string? OwnerId { get; }
}
