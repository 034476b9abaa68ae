using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Reporting;

/// <summary>
/// The URL the control plane uses to reach this agent: <c>Agent:AdvertisedUrl</c> if set, otherwise
/// Kestrel's first listen address once it is bound (so <c>--urls http://127.0.0.1:0</c> advertises the
/// real port, and <c>http://unix:/path.sock</c> becomes <c>unix:/path.sock</c>). A wildcard listen
/// address is replaced by <c>Agent:Address</c> when that is set.
/// </summary>
internal sealed class AdvertisedUrl(IServer server, IHostApplicationLifetime lifetime, IOptions<AgentOptions> options)
{
    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (options.Value.AdvertisedUrl is { Length: > 0 } configured)
        {
            return configured;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(ct);
        }
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The agent listens nowhere; set --urls or Agent:AdvertisedUrl.");
        return ReplaceWildcard(UnixSocketHttp.FromKestrelAddress(first), options.Value.Address);
    }

    private static string ReplaceWildcard(string url, string? address)
    {
        if (address is not { Length: > 0 } || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Host is not ("0.0.0.0" or "[::]"))
        {
            return url;
        }
        return new UriBuilder(uri) { Host = address }.Uri.ToString().TrimEnd('/');
    }
}
