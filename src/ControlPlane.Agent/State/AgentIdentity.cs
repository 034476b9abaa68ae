namespace ControlPlane.Agent.State;

/// <summary>
/// Who this host is to the control plane (<c>DataDir/identity.json</c>): the id and token the control
/// plane issued, and the token the control plane must present when it pushes desired state.
/// </summary>
internal sealed record AgentIdentity(Guid HostId, string HostToken, string AgentToken);
