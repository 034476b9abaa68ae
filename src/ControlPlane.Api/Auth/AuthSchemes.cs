namespace ControlPlane.Api.Auth;

internal static class AuthSchemes
{
    /// <summary>Operators and tools: an API key (X-Api-Key or bearer); the principal carries its role.</summary>
    public const string ApiKey = "ApiKey";

    public const string KeyIdClaim = "key_id";

    /// <summary>Agents joining the cluster: the cluster join token as a bearer token.</summary>
    public const string JoinToken = "JoinToken";

    /// <summary>Registered agents: their per-host token as a bearer token; the principal carries the host id.</summary>
    public const string AgentToken = "AgentToken";

    public const string HostIdClaim = "host_id";
}
