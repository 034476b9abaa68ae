using ControlPlane.Api.Configuration;
using ControlPlane.Application.Common;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ControlPlane.Api.Endpoints;

/// <summary>
/// Config resources carry their version as a strong ETag; PUT and DELETE may send it back in If-Match
/// (required when ControlPlane:Api:RequireIfMatch is set). Actions never need one.
/// </summary>
internal static class ETags
{
    public static void Set(HttpContext http, long version) => http.Response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version named by If-Match, null when absent or "*"; a malformed header is a 400.</summary>
    public static long? Expected(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            if (http.RequestServices.GetRequiredService<IOptions<ControlPlaneOptions>>().Value.Api.RequireIfMatch)
            {
                throw new PreconditionRequired();
            }
            return null;
        }
        if (header.Trim() == "*")
        {
            return null;
        }
        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }
        throw ValidationFailed.For("If-Match", "Send back the ETag of the resource, e.g. \"3\".");
    }
}
