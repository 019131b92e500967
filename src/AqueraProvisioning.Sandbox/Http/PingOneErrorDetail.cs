using System.Text.Json.Nodes;

namespace AqueraProvisioning.Sandbox;

/// <summary>One <c>details[]</c> entry of a PingOne error body.</summary>
internal sealed record PingOneErrorDetail(string Code, string Target, string Message, JsonObject? InnerError = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["code"] = Code, ["target"] = Target, ["message"] = Message };
        if (InnerError is not null)
        {
            json["innerError"] = InnerError.DeepClone();
        }

        return json;
    }
}
