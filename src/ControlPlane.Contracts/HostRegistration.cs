namespace ControlPlane.Contracts;

/// <summary>
/// An agent's first call (<c>POST /api/v1/agent/hosts</c>, authenticated with the cluster join token).
/// The answer gives the agent its host id and the per-host token it uses from then on; the agent in turn
/// hands over the token the control plane must present when it pushes desired state.
/// </summary>
public sealed record HostRegistrationRequest
{
    public required string Name { get; init; }

    /// <summary>Base URL where the agent serves <c>PUT /v1/desired-state</c>.</summary>
    public required string AgentUrl { get; init; }
    public required HostCapacity Capacity { get; init; }
    public required string AgentToken { get; init; }

    /// <summary>The host's address on the cluster network (used for migrations), if not the agent URL's.</summary>
    public string? Address { get; init; }
}

public sealed record HostRegistrationResponse(Guid HostId, string HostToken);

/// <summary>The agent's answer to a push.</summary>
public sealed record DesiredStateAck(long AcceptedGeneration);
