using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Monitoring;

/// <summary>
/// Marks hosts whose agents stopped reporting as UNREACHABLE, and their VMs' observed state as unknown:
/// the control plane no longer knows what runs there. The next report brings the host back.
/// </summary>
internal sealed partial class HeartbeatMonitor(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MonitoringOptions> options, ILogger<HeartbeatMonitor> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(TimeSpan.FromSeconds(options.Value.CheckIntervalSeconds), clock, CheckOnceAsync, LogCheckFailed, stoppingToken);

    internal async Task CheckOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var cutoff = clock.GetUtcNow().AddSeconds(-options.Value.HeartbeatTimeoutSeconds);
        var silent = await db.Hosts.AsNoTracking().Where(h => h.IsReachable && h.LastHeartbeatAt < cutoff)
            .Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        foreach (var host in silent)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var marked = await db.Hosts.Where(h => h.Id == host.Id && h.IsReachable && h.LastHeartbeatAt < cutoff)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.IsReachable, false), ct);
            if (marked == 1)
            {
                await db.Vms.Where(v => v.ObservedHostId == host.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(v => v.ObservedState, ObservedState.Unknown), ct);
                db.Record("host.unreachable", "host", host.Id.Value, new { host.Name }, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                LogUnreachable(host.Id.Value, host.Name);
            }
            await transaction.CommitAsync(ct);
        }
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Host {HostId} ({HostName}) missed its heartbeats and is UNREACHABLE")]
    private partial void LogUnreachable(Guid hostId, string hostName);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Heartbeat check failed")]
    private partial void LogCheckFailed(Exception exception);
}
