using System;
using System.Collections.Generic;
using System.Text.Json;

namespace AqueraProvisioning.Core;

/// <summary>
/// Reads one page of any collection out of a whole body in one forward pass: only the named <c>_embedded</c> array
/// (or <c>items</c>, or a bare array, where the collection allows them) is deserialised; everything else is skipped.
/// </summary>
internal static class PageReader
{
    public static (List<T> Items, string? Next) Read<T>(ReadOnlySpan<byte> json, PingOneCollection<T> collection)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            return (new List<T>(), null);
        }

        if (reader.TokenType == JsonTokenType.StartArray && (collection.Shapes & PageShapes.Array) != 0)
        {
            return (ReadItems(ref reader, collection), null);
        }

        Expect(ref reader, JsonTokenType.StartObject);
        List<T>? items = null;
        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("_embedded") && (collection.Shapes & PageShapes.Hal) != 0)
            {
                reader.Read();
                items = ReadEmbedded(ref reader, collection) ?? items;
            }
            else if (reader.ValueTextEquals("_links"))
            {
                reader.Read();
                next = ReadNext(ref reader) ?? next;
            }
            else if (reader.ValueTextEquals("items") && (collection.Shapes & PageShapes.Items) != 0)
            {
                reader.Read();
                items = ReadItems(ref reader, collection);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // A body cut short between two members reads like a complete one until its end; only the depth tells.
        if (reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 0)
        {
            throw new JsonException("The page ends before its closing brace.");
        }

        return (items ?? new List<T>(), next);
    }

    private static List<T>? ReadEmbedded<T>(ref Utf8JsonReader reader, PingOneCollection<T> collection)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        List<T>? items = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool wanted = reader.ValueTextEquals(collection.EmbeddedName);
            reader.Read();
            if (wanted)
            {
                items = ReadItems(ref reader, collection);
            }
            else
            {
                reader.Skip();
            }
        }

        return items;
    }

    private static List<T> ReadItems<T>(ref Utf8JsonReader reader, PingOneCollection<T> collection)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return new List<T>();
        }

        // The list's own converter reads the array where the reader stands. JsonSerializer.Deserialize(ref reader)
        // would first skip over the whole array to find its end and then read it again: a second pass per page.
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected the " + collection.EmbeddedName + " to be an array, found " + reader.TokenType + ".");
        }

        try
        {
            return collection.ItemsConverter.Read(ref reader, typeof(List<T>), collection.ItemsType.Options) ?? new List<T>();
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException)
        {
            // Called directly, the converter reports a value of the wrong type as the reader does, without a JSON error.
            throw new JsonException("An item under " + collection.EmbeddedName + " is not of the expected shape: " + ex.Message, ex);
        }
    }

    private static string? ReadNext(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? next = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isNext = reader.ValueTextEquals("next");
            reader.Read();
            if (isNext && reader.TokenType == JsonTokenType.StartObject)
            {
                next = ReadHref(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return next;
    }

    private static string? ReadHref(ref Utf8JsonReader reader)
    {
        string? href = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isHref = reader.ValueTextEquals("href");
            reader.Read();
            if (isHref && reader.TokenType == JsonTokenType.String)
            {
                href = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return href;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new JsonException("Expected " + token + " at the start of the page, found " + reader.TokenType + ".");
        }
    }
}
