namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// A valid request body and what makes it invalid: the fields whose absence the API must refuse, and
/// the objects that are open maps (categories, GPUs) where an extra key is data, not a stray field.
/// A tolerant reader (the agent contract, which gains fields within v1) accepts unknown fields by design.
/// </summary>
internal sealed record BodyTemplate(Func<World, string> Json, IReadOnlyList<string> Required)
{
    public IReadOnlyList<string> OpenMaps { get; init; } = [];
    public bool TolerantReader { get; init; }

    /// <summary>Integer fields that are 64-bit, where a number past 32 bits is still valid.</summary>
    public IReadOnlyList<string> Int64Fields { get; init; } = [];
}
