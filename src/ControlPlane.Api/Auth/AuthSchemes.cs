namespace ControlPlane.Api.Auth;

internal static class AuthSchemes
{
    /// <summary>Agents joining the cluster: the cluster join token as a bearer token.</summary>
    public const string JoinToken = "JoinToken";

    /// <summary>Registered agents: their per-host token as a bearer token; the principal carries the host id.</summary>
    public const string AgentToken = "AgentToken";

    public const string HostIdClaim = "host_id";
}
