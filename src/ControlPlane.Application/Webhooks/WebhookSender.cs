using System.Text;
using ControlPlane.Application.Observability;
using ControlPlane.Domain.Webhooks;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Application.Webhooks;

/// <summary>
/// Delivers events to each subscription in sequence order, one at a time: a failed delivery is retried
/// with back-off before any later event goes out, so receivers see events in order and none is dropped.
/// Every attempt is logged as a delivery.
/// </summary>
internal sealed partial class WebhookSender(IServiceScopeFactory scopes, TimeProvider clock, ControlPlaneMetrics metrics, ILogger<WebhookSender> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendOnceAsync(stoppingToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A subscription was deleted meanwhile.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(ex);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, stoppingToken);
        }
    }

    internal async Task SendOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Webhooks.Where(w => w.NextAttemptAt == null || w.NextAttemptAt <= now).ToListAsync(ct);
        foreach (var subscription in due)
        {
            var events = await db.Events.AsNoTracking().Where(e => e.Sequence > subscription.Cursor)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(ct);
            foreach (var e in events)
            {
                if (!subscription.Wants(e.Type))
                {
                    subscription.Skip(e.Sequence);
                    continue;
                }
                if (!await DeliverAsync(db, subscription, e, ct))
                {
                    break;
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<bool> DeliverAsync(ControlPlaneDbContext db, WebhookSubscription subscription, Domain.Events.EventRecord e, CancellationToken ct)
    {
        var body = WebhookPayload.Body(e);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookPayload.SignatureHeader, WebhookPayload.Sign(subscription.Secret, body));
        request.Headers.Add("X-ControlPlane-Event", e.Type);
        request.Headers.Add("X-ControlPlane-Sequence", e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int? status = null;
        string? error = null;
        try
        {
            using var response = await _http.SendAsync(request, ct);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"Receiver answered {status}.";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
        }
        var now = clock.GetUtcNow();
        db.WebhookDeliveries.Add(new WebhookDelivery(subscription.Id, e.Sequence, e.Type, subscription.ConsecutiveFailures + 1, status, error, now));
        metrics.WebhookDeliveries.Increment(error is null ? "delivered" : "failed");
        if (error is null)
        {
            subscription.Delivered(e.Sequence);
            return true;
        }
        subscription.Failed(now);
        LogDeliveryFailed(subscription.Id, e.Sequence, error);
        return false;
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning, Message = "Webhook {WebhookId} delivery of event {Sequence} failed: {Error}")]
    private partial void LogDeliveryFailed(Guid webhookId, long sequence, string error);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Error, Message = "Webhook loop failed")]
    private partial void LogLoopFailed(Exception exception);
}
