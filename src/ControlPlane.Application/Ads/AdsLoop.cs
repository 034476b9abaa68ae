using ControlPlane.Application.Common;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Hotspots;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Ads;

/// <summary>
/// The scheduler's background work, one tick at a time in a fresh scope: restart the VMs of UNREACHABLE hosts
/// elsewhere (HA), mitigate hotspots from the agents' CPU reports (window, hysteresis, back-off), and enforce
/// policies. Every plan is stored and run through <see cref="PlanRunner"/>. The detector's window and back-off
/// live in memory: after a restart a host must be hot for a whole window again before a plan.
/// </summary>
internal sealed partial class AdsLoop(IServiceScopeFactory scopes, TimeProvider clock, IOptions<AdsOptions> options, ILogger<AdsLoop> logger)
    : BackgroundService
{
    private HotspotDetectorState _hotspots = HotspotDetectorState.Initial;
    private DateTimeOffset _nextEnforcement = DateTimeOffset.MinValue;
    private string _lastRestartIssues = "";
    private readonly Dictionary<Guid, DateTimeOffset> _unreachableSince = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodic.RunAsync(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock, TickAsync, LogTickFailed, stoppingToken);

    internal async Task TickAsync(CancellationToken ct)
    {
        SchedulerConfigValues settings;
        using (var scope = scopes.CreateScope())
        {
            settings = (await scope.ServiceProvider.GetRequiredService<SchedulerSettingsStore>().GetAsync(ct)).Values;
        }
        if (settings.HaHostFailures > 0)
        {
            await RestartLostVmsAsync(ct);
        }
        if (settings.AdsEnabled)
        {
            await MitigateHotspotsAsync(settings, ct);
        }
        var now = clock.GetUtcNow();
        if (settings.EnforcementEnabled && now >= _nextEnforcement)
        {
            _nextEnforcement = now.AddSeconds(options.Value.EnforcementIntervalSeconds);
            await EnforceAsync(ct);
        }
    }

    /// <summary>
    /// HA (on when the settings reserve room for at least one host failure): once a host has been UNREACHABLE
    /// for the restart delay, its powered-on VMs restart on CONNECTED hosts, MUST rules kept. There is no
    /// fencing yet: the control plane assumes an unreachable host is down; its agent, if it comes back, stops
    /// the VMs that now belong elsewhere.
    /// </summary>
    private async Task RestartLostVmsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var unreachable = await db.Hosts.AsNoTracking().Where(h => !h.IsReachable).Select(h => new { h.Id, h.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var gone in _unreachableSince.Keys.Where(id => unreachable.All(h => h.Id.Value != id)).ToList())
        {
            _unreachableSince.Remove(gone);
        }
        foreach (var host in unreachable)
        {
            _unreachableSince.TryAdd(host.Id.Value, now);
        }
        var delay = TimeSpan.FromSeconds(options.Value.HaRestartDelaySeconds);
        var lost = unreachable.Where(h => now - _unreachableSince[h.Id.Value] >= delay).ToList();
        if (lost.Count == 0)
        {
            _lastRestartIssues = "";
            return;
        }
        // Hosts still inside their delay are not restart targets either: the snapshot already sees them UNREACHABLE.
        var lostIds = lost.Select(h => h.Id).ToList();
        if (!await db.Vms.AnyAsync(v => v.HostId != null && lostIds.Contains(v.HostId.Value) && v.PowerState != PowerState.Off, ct))
        {
            return;
        }
        var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotLoader>().LoadAsync(null, ct);
        var plan = HaPlanner.PlanRestart(snapshot);
        var issues = string.Join(";", plan.Issues.Select(i => i.Subject));
        if (plan.Moves.Count == 0 && issues == _lastRestartIssues)
        {
            return;
        }
        _lastRestartIssues = issues;
        var names = string.Join(", ", lost.Select(h => h.Name));
        var stored = await scope.ServiceProvider.GetRequiredService<PlanRunner>().RunAsync(plan, $"HA restart: host(s) {names} UNREACHABLE", ct);
        LogPlan(stored.Kind, stored.Id, stored.Moves.Count, stored.Trigger);
    }

    private async Task MitigateHotspotsAsync(SchedulerConfigValues settings, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ControlPlaneDbContext>();
        var usage = await db.Hosts.AsNoTracking().Where(h => h.IsReachable && !h.InMaintenance)
            .Select(h => new { h.Id, h.Name, h.UsageCpuPercent }).ToListAsync(ct);
        var detector = new HotspotDetectorSettings(settings.CpuThresholdPercent, options.Value.HysteresisPercent,
            TimeSpan.FromSeconds(settings.HotspotWindowSeconds), TimeSpan.FromSeconds(settings.BackoffSeconds));
        var now = clock.GetUtcNow();
        var detection = HotspotDetector.Observe(_hotspots, now, usage.ToDictionary(h => h.Id.ToString(), h => h.UsageCpuPercent), detector);
        _hotspots = detection.State;
        if (!detection.PlanNow)
        {
            return;
        }
        var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotLoader>().LoadAsync(null, ct);
        var plan = HotspotPlanner.Plan(snapshot);
        _hotspots = HotspotDetector.PlanStarted(_hotspots, now, detector);
        var names = string.Join(", ", usage.Where(h => detection.SustainedHosts.Contains(h.Id.ToString()))
            .Select(h => $"{h.Name} at {h.UsageCpuPercent:0.#} %"));
        var stored = await scope.ServiceProvider.GetRequiredService<PlanRunner>().RunAsync(plan,
            $"hotspot: {names} above {settings.CpuThresholdPercent:0.#} % for {settings.HotspotWindowSeconds} s", ct);
        LogPlan(stored.Kind, stored.Id, stored.Moves.Count, stored.Trigger);
    }

    private async Task EnforceAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var snapshot = await scope.ServiceProvider.GetRequiredService<SnapshotLoader>().LoadAsync(null, ct);
        if (snapshot.PolicySet.IsEmpty)
        {
            return;
        }
        var plan = PolicyEnforcementPlanner.Plan(snapshot, cool: false);
        if (plan.Moves.Count == 0)
        {
            return;
        }
        var stored = await scope.ServiceProvider.GetRequiredService<PlanRunner>().RunAsync(plan, "background policy enforcement", ct);
        LogPlan(stored.Kind, stored.Id, stored.Moves.Count, stored.Trigger);
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "{Kind} plan {PlanId} with {Moves} move(s): {Trigger}")]
    private partial void LogPlan(string kind, Guid planId, int moves, string trigger);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "ADS tick failed")]
    private partial void LogTickFailed(Exception exception);
}
