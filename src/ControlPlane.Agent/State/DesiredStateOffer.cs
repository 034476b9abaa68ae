namespace ControlPlane.Agent.State;

/// <summary>What became of a push: whether it replaced the held state, and the generation now held.</summary>
internal sealed record DesiredStateOffer(bool Stored, long CurrentGeneration);
