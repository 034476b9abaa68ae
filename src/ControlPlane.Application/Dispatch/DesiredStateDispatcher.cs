using ControlPlane.Application.Observability;
using ControlPlane.Domain.Common;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Dispatch;

/// <summary>
/// Pushes each host's whole desired state to its agent whenever the host's generation is ahead of what
/// was delivered, and again when a delivered generation is not reported back within the resync time.
/// Level-based: the generation in the database is the outbox, so a crash or a lost push loses nothing.
/// Failed pushes back off per host, so one dead agent never delays the others.
/// </summary>
internal sealed partial class DesiredStateDispatcher(
    IServiceScopeFactory scopes, AgentClient agents, DispatchSignal signal, TimeProvider clock,
    IOptions<DispatchOptions> options, ControlPlaneMetrics metrics, ILogger<DesiredStateDispatcher> logger) : BackgroundService
{
    private readonly Dictionary<HostId, (int Failures, DateTimeOffset NextAttempt)> _backoff = [];

    /// <summary>How many VMs each host's last push carried, which spaces its next one.</summary>
    private readonly Dictionary<HostId, int> _pushedVms = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var deferred = false;
            try
            {
                deferred = await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLoopFailed(ex);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(deferred ? options.Value.MinPushIntervalSeconds : options.Value.PollSeconds), stoppingToken);
        }
    }

    /// <summary>Pushes to every host that is due; true when some host was held back by the minimum push interval.</summary>
    internal async Task<bool> DispatchOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var projector = scope.ServiceProvider.GetRequiredService<DesiredStateProjector>();
        var now = clock.GetUtcNow();
        var resyncBefore = now.AddSeconds(-options.Value.ResyncSeconds);
        var due = await db.Hosts.AsNoTracking()
            .Where(h => h.DesiredGeneration > h.DeliveredGeneration
                || (h.ObservedGeneration < h.DesiredGeneration && (h.LastDeliveryAttemptAt == null || h.LastDeliveryAttemptAt < resyncBefore)))
            .ToListAsync(ct);
        var pushes = new List<(Domain.Hosts.Host Host, Task<Contracts.DesiredStateAck> Push)>();
        var deferred = due.Any(h => PushedRecently(h, now));
        foreach (var host in due.Where(h => (!_backoff.TryGetValue(h.Id, out var b) || b.NextAttempt <= now) && !PushedRecently(h, now)))
        {
            var state = await projector.ProjectAsync(host, ct);
            _pushedVms[host.Id] = state.Vms.Count;
            pushes.Add((host, agents.PushAsync(host.AgentUrl, host.AgentToken, state, ct)));
        }
        foreach (var (host, push) in pushes)
        {
            try
            {
                var ack = await push;
                _backoff.Remove(host.Id);
                await db.Hosts.Where(h => h.Id == host.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(h => h.DeliveredGeneration, h => h.DeliveredGeneration > host.DesiredGeneration ? h.DeliveredGeneration : host.DesiredGeneration)
                    .SetProperty(h => h.LastDeliveryAttemptAt, now)
                    .SetProperty(h => h.LastDeliveryError, (string?)null), ct);
                metrics.DesiredStatePushes.Increment("delivered");
                LogPushed(host.Id.Value, host.DesiredGeneration, ack.AcceptedGeneration);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                var failures = _backoff.TryGetValue(host.Id, out var b) ? b.Failures + 1 : 1;
                var delay = Math.Min(options.Value.MaxBackoffSeconds, Math.Pow(2, failures - 1));
                _backoff[host.Id] = (failures, now.AddSeconds(delay));
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                await db.Hosts.Where(h => h.Id == host.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(h => h.LastDeliveryAttemptAt, now)
                    .SetProperty(h => h.LastDeliveryError, error), ct);
                metrics.DesiredStatePushes.Increment("failed");
                LogPushFailed(host.Id.Value, host.DesiredGeneration, delay, error);
            }
        }
        return deferred;
    }

    /// <summary>Within the host's push interval: the minimum, plus a little for every VM its last push carried.</summary>
    private bool PushedRecently(Domain.Hosts.Host host, DateTimeOffset now) =>
        host.LastDeliveryAttemptAt > now - options.Value.PushIntervalAfter(_pushedVms.GetValueOrDefault(host.Id));

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Pushed generation {Generation} to host {HostId} (agent holds {Accepted})")]
    private partial void LogPushed(Guid hostId, long generation, long accepted);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Push of generation {Generation} to host {HostId} failed; retrying in {DelaySeconds} s: {Error}")]
    private partial void LogPushFailed(Guid hostId, long generation, double delaySeconds, string error);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Dispatch loop failed")]
    private partial void LogLoopFailed(Exception exception);
}
