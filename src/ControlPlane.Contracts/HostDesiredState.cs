namespace ControlPlane.Contracts;

/// <summary>
/// The whole desired state of one host, pushed by the control plane to the host's agent
/// (<c>PUT /v1/desired-state</c>). Pushing the same generation twice is harmless: the agent keeps the
/// highest generation it has seen and reconciles towards it.
/// </summary>
public sealed record HostDesiredState
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required Guid HostId { get; init; }
    public required long Generation { get; init; }
    public IReadOnlyList<DesiredVm> Vms { get; init; } = [];
    public HostNetworkSpec Network { get; init; } = new();
}
