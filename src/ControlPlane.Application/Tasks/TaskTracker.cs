using ControlPlane.Application.Events;
using ControlPlane.Application.Observability;
using ControlPlane.Domain.Tasks;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlPlane.Application.Tasks;

/// <summary>Completes or fails running VM tasks from what agents reported, once a second.</summary>
internal sealed partial class TaskTracker(IServiceScopeFactory scopes, TimeProvider clock, ControlPlaneMetrics metrics, ILogger<TaskTracker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TrackOnceAsync(stoppingToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A task was canceled meanwhile; the next tick sees it finished.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTrackFailed(ex);
            }
        }
    }

    internal async Task TrackOnceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var running = await db.Tasks.Where(t => t.Status == OperationStatus.Running && t.EntityKind == "vm").ToListAsync(ct);
        if (running.Count == 0)
        {
            return;
        }
        var vmIds = running.Select(t => new Domain.Common.VmId(t.EntityId)).Distinct().ToList();
        var vms = await db.Vms.AsNoTracking().Where(v => vmIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id.Value, ct);
        var hostIds = vms.Values.Where(v => v.HostId != null).Select(v => v.HostId!.Value).Distinct().ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var now = clock.GetUtcNow();
        foreach (var task in running)
        {
            var vm = vms.GetValueOrDefault(task.EntityId);
            var host = vm?.HostId is { } hostId ? hosts.GetValueOrDefault(hostId) : null;
            TaskCompletion.Evaluate(task, vm, host, now);
            if (task.IsFinished)
            {
                metrics.TasksFinished.Increment(task.Operation, task.Status.ToString().ToUpperInvariant());
                db.Record($"task.{task.Status.ToString().ToLowerInvariant()}", "task", task.Id.Value,
                    new { task.Operation, entityId = task.EntityId, task.ErrorMessage }, now);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "Task tracking failed")]
    private partial void LogTrackFailed(Exception exception);
}
