namespace ControlPlane.Api.Errors;

/// <summary>Stable identifiers of every problem the API answers with; documented in api-spec.</summary>
internal static class ProblemTypes
{
    private const string Prefix = "urn:controlplane:problem:";

    public const string ValidationFailed = Prefix + "validation-failed";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string Unplaceable = Prefix + "unplaceable";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string PreconditionRequired = Prefix + "precondition-required";
    public const string Internal = Prefix + "internal-error";

    /// <summary>The type of a bare status code answer (no handler wrote a body).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => MalformedRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        412 => PreconditionFailed,
        415 => UnsupportedMediaType,
        428 => PreconditionRequired,
        _ when status >= 500 => Internal,
        _ => Prefix + status,
    };
}
