using System.Net.ServerSentEvents;
using System.Text.Json;
using ControlPlane.Application.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Endpoints;

/// <summary>
/// Writes events as text/event-stream, sending the headers at once (a client waiting on a quiet stream
/// must still see it open) and flushing after every event.
/// </summary>
internal sealed class EventStreamResult(IAsyncEnumerable<SseItem<EventResponse>> events) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var json = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(httpContext.RequestAborted);
        try
        {
            await SseFormatter.WriteAsync(events, response.Body,
                (item, writer) =>
                {
                    using var json8 = new Utf8JsonWriter(writer);
                    JsonSerializer.Serialize(json8, item.Data, json);
                },
                httpContext.RequestAborted);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }
}
