using System.Text.Json.Serialization;
using ControlPlane.Application.Common;
using ControlPlane.Application.Events;
using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Policies;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Ads;

/// <summary>The scheduler settings: CPU threshold, hotspot window and back-off, HA reservation, ADS and enforcement switches.</summary>
public sealed record SchedulerSettingsResponse(
    double CpuThresholdPercent,
    int HotspotWindowSeconds,
    int BackoffSeconds,
    int HaHostFailures,
    bool AdsEnabled,
    bool EnforcementEnabled,
    HaStatusResponse Ha,
    long Version)
{
    internal static async Task<SchedulerSettingsResponse> FromAsync(SchedulerConfigValues v, long version, SnapshotLoader loader, CancellationToken ct)
    {
        var report = HaPlanner.Check(await loader.LoadAsync(null, ct));
        return new(v.CpuThresholdPercent, v.HotspotWindowSeconds, v.BackoffSeconds, v.HaHostFailures, v.AdsEnabled, v.EnforcementEnabled,
            new HaStatusResponse(report.Guaranteed, report.ReserveMiB, report.RequiredMiB, report.FailingHostSets), version);
    }
}

/// <summary>
/// Whether the cluster can restart the VMs of any haHostFailures failed hosts now: the free memory it keeps, the
/// most any such failure would need, and the host sets whose VMs would not fit.
/// </summary>
public sealed record HaStatusResponse(bool Guaranteed, long ReserveMiB, long RequiredMiB, IReadOnlyList<IReadOnlyList<string>> FailingHostSets);

public static class GetSchedulerSettings
{
    public sealed record Query : IRequest<SchedulerSettingsResponse>;

    internal sealed class Handler(SchedulerSettingsStore store, SnapshotLoader loader) : IRequestHandler<Query, SchedulerSettingsResponse>
    {
        public async Task<SchedulerSettingsResponse> Handle(Query query, CancellationToken cancellationToken)
        {
            var (values, version) = await store.GetAsync(cancellationToken);
            return await SchedulerSettingsResponse.FromAsync(values, version, loader, cancellationToken);
        }
    }
}

public static class UpdateSchedulerSettings
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record Body
    {
        public double CpuThresholdPercent { get; init; } = 85;
        public int HotspotWindowSeconds { get; init; } = 900;
        public int BackoffSeconds { get; init; } = 1800;
        public int HaHostFailures { get; init; }
        public bool AdsEnabled { get; init; } = true;
        public bool EnforcementEnabled { get; init; } = true;
    }

    public sealed record Command(Body Body, long? ExpectedVersion = null) : IRequest<SchedulerSettingsResponse>, IConditionalRequest;

    internal sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Body.CpuThresholdPercent).InclusiveBetween(1, 100).OverridePropertyName("cpuThresholdPercent");
            RuleFor(c => c.Body.HotspotWindowSeconds).InclusiveBetween(1, 86_400).OverridePropertyName("hotspotWindowSeconds");
            RuleFor(c => c.Body.BackoffSeconds).InclusiveBetween(0, 86_400).OverridePropertyName("backoffSeconds");
            RuleFor(c => c.Body.HaHostFailures).InclusiveBetween(0, 8).OverridePropertyName("haHostFailures");
        }
    }

    internal sealed class Handler(ControlPlaneDbContext db, TimeProvider clock, SnapshotLoader loader) : IRequestHandler<Command, SchedulerSettingsResponse>
    {
        public async Task<SchedulerSettingsResponse> Handle(Command command, CancellationToken cancellationToken)
        {
            var b = command.Body;
            var values = new SchedulerConfigValues(b.CpuThresholdPercent, b.HotspotWindowSeconds, b.BackoffSeconds, b.HaHostFailures, b.AdsEnabled, b.EnforcementEnabled);
            var row = await db.SchedulerSettings.SingleOrDefaultAsync(s => s.ClusterId == ClusterId.Default, cancellationToken);
            if (row is null)
            {
                if (command.ExpectedVersion is { } v && v != 0)
                {
                    throw new PreconditionFailed($"If-Match names version {v}, but the settings are at version 0.");
                }
                row = new SchedulerConfig(ClusterId.Default, values);
                db.SchedulerSettings.Add(row);
            }
            else
            {
                db.ExpectVersion(row, command.ExpectedVersion);
                row.Set(values);
                // Version bumps even when nothing changed, so the ETag always moves on a PUT.
                db.Entry(row).State = EntityState.Modified;
            }
            db.Record("scheduler.settings.updated", "cluster", ClusterId.Default.Value, values, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return await SchedulerSettingsResponse.FromAsync(row.Values, row.Version, loader, cancellationToken);
        }
    }
}
