namespace ControlPlane.Application.Common;

/// <summary>
/// A change made only if the resource is still at the version the caller read (its ETag, sent back in
/// If-Match). Null means the caller did not ask for the check.
/// </summary>
public interface IConditionalRequest
{
    long? ExpectedVersion { get; }
}
