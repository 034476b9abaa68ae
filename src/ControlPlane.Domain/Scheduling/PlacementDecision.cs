namespace ControlPlane.Domain.Scheduling;

/// <summary>The scheduler's answer for one VM, with its explanation.</summary>
public abstract record PlacementDecision
{
    /// <summary>Per filter, how many hosts it excluded (a host counts against the first filter that rejects it).</summary>
    public required IReadOnlyDictionary<string, int> Rejections { get; init; }
}
