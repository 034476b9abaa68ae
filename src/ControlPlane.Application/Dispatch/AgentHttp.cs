using System.Net.Sockets;

namespace ControlPlane.Application.Dispatch;

/// <summary>
/// HTTP to an agent at <c>http(s)://host:port</c> or, for agents in network namespaces on this machine,
/// at <c>unix:/path/agent.sock</c> (HTTP over a unix socket; the filesystem crosses namespaces).
/// </summary>
public static class AgentHttp
{
    private const string UnixPrefix = "unix:";

    public static bool IsUnix(string url) => url.StartsWith(UnixPrefix, StringComparison.Ordinal);

    /// <summary>The request URI for a path on the agent.</summary>
    public static Uri Uri(string agentUrl, string path) =>
        new(new Uri(IsUnix(agentUrl) ? "http://localhost/" : agentUrl.TrimEnd('/') + "/"), path.TrimStart('/'));

    /// <summary>A handler that dials the unix socket named by the URL, or plain TCP otherwise.</summary>
    public static SocketsHttpHandler Handler(string agentUrl)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = TimeSpan.FromSeconds(5) };
        if (IsUnix(agentUrl))
        {
            var path = agentUrl[UnixPrefix.Length..];
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return handler;
    }
}
