using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>
/// PATCH as a merge (RFC 7396): fields of the patch replace the target's, nested objects merge, and a JSON null
/// removes the field.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonObject Apply(JsonObject target, JsonObject patch)
    {
        var result = (JsonObject)target.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonObject nested && result[key] is JsonObject existing)
            {
                result[key] = Apply(existing, nested);
            }
            else
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }
}
