namespace ControlPlane.Api.Tests.Reliability;

/// <summary>Who may call an operation, and so which credentials a proper call carries.</summary>
internal enum Caller
{
    /// <summary>An API key: viewer reads, operator changes.</summary>
    User,

    /// <summary>An admin API key, reads included.</summary>
    Admin,

    /// <summary>The cluster join token as a bearer token.</summary>
    Join,

    /// <summary>The host's own agent token as a bearer token.</summary>
    Agent,
}
