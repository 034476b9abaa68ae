using System.Collections.Concurrent;
using ControlPlane.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>
/// The two agent-facing routes of the control plane on a unix socket: registration (join token
/// <c>join-secret</c>) and status reports (the issued host token). <see cref="Forget"/> makes it refuse
/// the current host until it registers again.
/// </summary>
internal sealed class FakeControlPlane : IAsyncDisposable
{
    public const string JoinToken = "join-secret";

    private readonly WebApplication _app;
    private volatile HostStatusReport? _lastReport;
    private (Guid HostId, string Token)? _host;

    private FakeControlPlane(string socket)
    {
        Url = "unix:" + socket;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.ListenUnixSocket(socket));
        _app = builder.Build();
        _app.MapPost("/api/v1/agent/hosts", Register);
        _app.MapPost("/api/v1/agent/hosts/{hostId:guid}/status", Report);
    }

    public string Url { get; }
    public ConcurrentQueue<HostRegistrationRequest> Registrations { get; } = new();
    public HostStatusReport? LastReport => _lastReport;
    public Guid? HostId => _host?.HostId;

    public static async Task<FakeControlPlane> StartAsync(string socket)
    {
        var controlPlane = new FakeControlPlane(socket);
        await controlPlane._app.StartAsync();
        return controlPlane;
    }

    public void Forget()
    {
        _host = null;
        _lastReport = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Register(HostRegistrationRequest request, HttpContext context)
    {
        if (context.Request.Headers.Authorization != $"Bearer {JoinToken}")
        {
            return Results.Unauthorized();
        }
        Registrations.Enqueue(request);
        var host = (Guid.NewGuid(), $"host-token-{Registrations.Count}");
        _host = host;
        return Results.Created($"/api/v1/hosts/{host.Item1}", new HostRegistrationResponse(host.Item1, host.Item2));
    }

    private IResult Report(Guid hostId, HostStatusReport report, HttpContext context)
    {
        if (_host is not { } host || host.HostId != hostId || context.Request.Headers.Authorization != $"Bearer {host.Token}")
        {
            return Results.Unauthorized();
        }
        _lastReport = report;
        return Results.NoContent();
    }
}
