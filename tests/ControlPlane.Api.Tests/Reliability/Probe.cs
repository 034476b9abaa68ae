using System.Net.Http.Headers;
using System.Text;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>One request to send: built from a recipe, possibly malformed on purpose, and described for the failure message.</summary>
internal sealed record Probe(SpecOperation Operation, Caller Caller, string Url, string Description)
{
    public HttpMethod Method { get; init; } = Operation.Method;
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; } = "application/json";
    public Credentials Credentials { get; init; } = Credentials.Proper;

    public Probe WithJson(string json) => this with { Body = Encoding.UTF8.GetBytes(json) };

    public override string ToString()
    {
        var body = Body is null ? "" : " body=" + Preview(Body);
        return $"{Method} {Preview(Encoding.UTF8.GetBytes(Url))} [{Description}; auth={Credentials}; content-type={ContentType ?? "none"}]{body}";
    }

    public HttpRequestMessage ToRequest(World world)
    {
        var request = new HttpRequestMessage(Method, new Uri(Url, UriKind.Relative));
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        switch (Credentials)
        {
            case Credentials.Proper:
                Present(request, Caller switch
                {
                    Caller.Join => ControlPlaneFactory.JoinToken,
                    Caller.Agent => world.TokenA,
                    _ => ControlPlaneFactory.AdminKey,
                });
                break;
            case Credentials.Viewer:
                Present(request, world.ViewerKey);
                break;
            case Credentials.OtherAgent:
                Present(request, world.TokenB);
                break;
            case Credentials.Garbage:
                Present(request, "not-a-key-0123456789");
                break;
            case Credentials.Huge:
                Present(request, new string('k', 16 * 1024));
                break;
            case Credentials.EmptyBearer:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer    ");
                break;
            case Credentials.NonAscii:
                request.Headers.TryAddWithoutValidation(Caller is Caller.User or Caller.Admin ? "X-Api-Key" : "Authorization",
                    Encoding.Latin1.GetString([0x42, 0x65, 0x61, 0x72, 0x65, 0x72, 0x20, 0xE9, 0xFF, 0xA0]));
                break;
            case Credentials.None:
                break;
        }
        return request;
    }

    private void Present(HttpRequestMessage request, string secret)
    {
        if (Caller is Caller.User or Caller.Admin)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", secret);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
    }

    private static string Preview(byte[] bytes) =>
        bytes.Length <= 160 ? Encoding.UTF8.GetString(bytes) : $"{Encoding.UTF8.GetString(bytes, 0, 120)}... ({bytes.Length} bytes)";
}
