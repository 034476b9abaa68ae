using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ControlPlane.Application.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Operations;

/// <summary>A real HTTP receiver on loopback that records deliveries and checks their signatures.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonNode> Received { get; } = new();
    public int BadSignatures;
    public int FailNextCount;
    public string Secret { get; } = "receiver-secret-0123456789";

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (request.Headers[WebhookPayload.SignatureHeader] != WebhookPayload.Sign(receiver.Secret, body))
            {
                Interlocked.Increment(ref receiver.BadSignatures);
            }
            if (Interlocked.Decrement(ref receiver.FailNextCount) >= 0)
            {
                return Results.StatusCode(503);
            }
            receiver.Received.Enqueue(JsonNode.Parse(body)!);
            return Results.NoContent();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
