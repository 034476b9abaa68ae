using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ControlPlane.Agent.Http;
using ControlPlane.Agent.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>The real agent app, listening on a unix socket in a temp folder, with a client for it.</summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    private readonly TempDir _dir;
    private readonly WebApplication _app;

    private RunningAgent(TempDir dir, WebApplication app, string url)
    {
        _dir = dir;
        _app = app;
        Url = url;
        Client = UnixSocketHttp.CreateClient(url, TimeSpan.FromSeconds(10));
    }

    /// <summary>The agent's own URL, <c>unix:/.../agent.sock</c>.</summary>
    public string Url { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public string DataDir => _dir.File("data");

    public static async Task<RunningAgent> StartAsync(
        string controlPlaneUrl, AgentIdentity? identity = null, params string[] settings)
    {
        var dir = new TempDir();
        var dataDir = dir.File("data");
        if (identity is not null)
        {
            await new IdentityStore(dataDir).SaveAsync(identity, CancellationToken.None);
        }
        var socket = dir.File("agent.sock");
        string[] args =
        [
            "--urls", $"http://unix:{socket}",
            $"--Agent:ControlPlaneUrl={controlPlaneUrl}",
            $"--Agent:DataDir={dataDir}",
            "--Agent:JoinToken=join-secret",
            "--Agent:ReportIntervalSeconds=1",
            .. settings,
        ];
        var app = await AgentApp.CreateAsync(args, services => services.AddLogging(logging => logging.ClearProviders()));
        await app.StartAsync();
        return new RunningAgent(dir, app, "unix:" + socket);
    }

    /// <summary>Sends a request with an optional JSON body and bearer token.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? token)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: JsonSerializerOptions.Web),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return Client.SendAsync(request);
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dir.Dispose();
    }
}
