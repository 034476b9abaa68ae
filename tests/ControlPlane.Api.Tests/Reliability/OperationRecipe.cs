namespace ControlPlane.Api.Tests.Reliability;

/// <summary>How to call one operation of the spec properly, and how to make it answer 409.</summary>
internal sealed record OperationRecipe(Caller Caller, Entity Id, bool Mutates)
{
    public BodyTemplate? Body { get; init; }

    /// <summary>A proper call never ends (the event stream): only requests that must be refused are sent.</summary>
    public bool Streams { get; init; }

    /// <summary>A request that deterministically conflicts with the world's state, if one exists.</summary>
    public Func<World, Probe, Probe>? Conflict { get; init; }

    public Probe Proper(SpecOperation operation, World world, string description = "proper")
    {
        var url = Id == Entity.None ? operation.PathTemplate : operation.PathTemplate.Replace("{id}", world.IdOf(Id).ToString(), StringComparison.Ordinal);
        var probe = new Probe(operation, Caller, url, description);
        return Body is null ? probe : probe.WithJson(Body.Json(world));
    }
}
