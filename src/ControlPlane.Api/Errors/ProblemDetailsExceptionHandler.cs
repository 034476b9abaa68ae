using System.Text;
using System.Text.Json;
using ControlPlane.Application.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace ControlPlane.Api.Errors;

/// <summary>
/// The one place failures become HTTP answers: each application failure maps to one status and one
/// stable problem type; malformed bodies become 400s naming the JSON path; anything else is a 500 that
/// says nothing beyond its trace id.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, type, title, detail, extensions) = exception switch
        {
            ValidationFailed v => (400, ProblemTypes.ValidationFailed, "One or more fields are invalid.", null,
                new Dictionary<string, object?> { ["errors"] = v.Errors }),
            BadHttpRequestException { InnerException: JsonException json } => (400, ProblemTypes.ValidationFailed, "The request body is not valid JSON for this operation.", null,
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [JsonPath(json)] = [JsonMessage(json)] } }),
            BadHttpRequestException bad => (bad.StatusCode, ProblemTypes.ForStatus(bad.StatusCode), "The request is malformed.", bad.Message, null),
            NotFound n => (404, ProblemTypes.NotFound, $"{n.Kind} not found.", n.Message, null),
            Unplaceable u => (409, ProblemTypes.Unplaceable, "No host can take the VM.", u.Message,
                new Dictionary<string, object?> { ["rejections"] = u.Rejections, ["reasonsByHost"] = u.ReasonsByHost }),
            PreconditionFailed p => (412, ProblemTypes.PreconditionFailed, "The resource changed since it was read.", p.Message, null),
            Endpoints.PreconditionRequired r => (428, ProblemTypes.PreconditionRequired, "If-Match is required.", r.Message, null),
            Conflict c => (409, ProblemTypes.Conflict, "The request conflicts with the current state.", c.Message, null),
            Forbidden f => (403, ProblemTypes.Forbidden, "Not allowed.", f.Message, null),
            InvalidOperationException { InnerException: ArgumentException } when HasUnknownCharset(httpContext.Request) =>
                (415, ProblemTypes.UnsupportedMediaType, "The request body's charset is not supported.", httpContext.Request.ContentType, null),
            _ => (500, ProblemTypes.Internal, "An unexpected error occurred.", null, null),
        };
        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The JSON reader throws InvalidOperationException for a charset no encoding is known by (e.g. "application/json; charset=nope").</summary>
    private static bool HasUnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.Charset.HasValue)
        {
            return false;
        }
        try
        {
            _ = Encoding.GetEncoding(type.Charset.Value!);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>"$.nics[0].vlanMode" → "nics[0].vlanMode"; the body itself is "$".</summary>
    private static string JsonPath(JsonException json) =>
        json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : json.Path ?? "$";

    private static string JsonMessage(JsonException json) =>
        json.Message.StartsWith("The JSON property", StringComparison.Ordinal) && json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "This field is not part of the request."
            : json.Path is null or "$" ? "The body is not valid JSON." : "The value has the wrong type or format.";
}
