using System.Text.Json.Serialization;

namespace AqueraProvisioning.Core;

/// <summary>
/// The environment's propagation plan as it travels on the wire. Members this version does not know stay in
/// <see cref="PropagationResource.Extra"/>, so a status change sends the plan back as it came.
/// </summary>
internal sealed class PropagationPlan : PropagationResource
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The body of a PUT with another status: everything but the read-only members.</summary>
    public PropagationPlan WithStatus(string status) => new PropagationPlan { Name = Name, Status = status, Extra = CopyExtra() };
}
