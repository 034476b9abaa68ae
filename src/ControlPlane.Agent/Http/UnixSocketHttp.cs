using System.Net.Sockets;

namespace ControlPlane.Agent.Http;

/// <summary>
/// HTTP clients for URLs that are either <c>http://host:port</c> or <c>unix:/absolute/path.sock</c>
/// (HTTP over a unix socket, how test hosts in network namespaces are reached). Kestrel spells the
/// latter <c>http://unix:/absolute/path.sock</c> in <c>--urls</c>.
/// </summary>
internal static class UnixSocketHttp
{
    private const string UnixScheme = "unix:";
    private const string KestrelUnixPrefix = "http://unix:";

    /// <summary>The socket path of a <c>unix:/path.sock</c> URL, or null for an ordinary URL.</summary>
    public static string? SocketPath(string url) =>
        url.StartsWith(UnixScheme, StringComparison.OrdinalIgnoreCase) ? url[UnixScheme.Length..] : null;

    /// <summary>Turns a Kestrel listen address into the URL other processes use to reach it.</summary>
    public static string FromKestrelAddress(string address) =>
        address.StartsWith(KestrelUnixPrefix, StringComparison.OrdinalIgnoreCase)
            ? UnixScheme + address[KestrelUnixPrefix.Length..]
            : address;

    public static HttpClient CreateClient(string url, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        var socketPath = SocketPath(url);
        if (socketPath is null)
        {
            return new HttpClient(handler) { BaseAddress = WithTrailingSlash(url), Timeout = timeout };
        }

        handler.ConnectCallback = async (_, ct) =>
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost/"), Timeout = timeout };
    }

    private static Uri WithTrailingSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
