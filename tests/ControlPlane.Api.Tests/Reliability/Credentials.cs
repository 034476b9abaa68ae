namespace ControlPlane.Api.Tests.Reliability;

/// <summary>What a probe presents, resolved against the world when the request is built.</summary>
internal enum Credentials
{
    /// <summary>What the operation's caller properly presents.</summary>
    Proper,
    None,
    Viewer,

    /// <summary>Another host's agent token.</summary>
    OtherAgent,
    Garbage,
    Huge,
    EmptyBearer,
    NonAscii,
}
