using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using ControlPlane.Application.Events;

namespace ControlPlane.Api.Endpoints;

internal static class EventEndpoints
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/events", Stream).WithTags("Events").WithName("StreamEvents").ProducesProblems(400)
            .Produces<EventResponse>(StatusCodes.Status200OK, "text/event-stream")
            .WithSummary("Server-sent events of state changes, in commit order. Resume with Last-Event-ID (or ?after=N); without either, the stream starts now.");
        return api;
    }

    private static async Task<EventStreamResult> Stream(ReadEvents events, HttpContext http, long? after, CancellationToken ct)
    {
        var start = after
            ?? (long.TryParse(http.Request.Headers["Last-Event-ID"], System.Globalization.CultureInfo.InvariantCulture, out var resume) ? resume : (long?)null)
            ?? await events.LatestAsync(ct);
        return new EventStreamResult(Read(events, start, ct));
    }

    private static async IAsyncEnumerable<SseItem<EventResponse>> Read(ReadEvents events, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var batch = await events.AfterAsync(after, 100, ct);
            foreach (var e in batch)
            {
                after = e.Sequence;
                yield return new SseItem<EventResponse>(e, e.Type) { EventId = e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
            if (batch.Count == 0)
            {
                await Task.Delay(Poll, ct);
            }
        }
    }
}
