using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Policies;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Ads;

/// <summary>The scheduler settings in force: the stored row, or the configured defaults until one is stored.</summary>
internal sealed class SchedulerSettingsStore(ControlPlaneDbContext db, IOptions<AdsOptions> ads, IOptions<SchedulingOptions> scheduling)
{
    public SchedulerConfigValues Defaults => new(scheduling.Value.CpuThresholdPercent, ads.Value.HotspotWindowSeconds,
        ads.Value.BackoffSeconds, ads.Value.HaHostFailures, ads.Value.AdsEnabled, ads.Value.EnforcementEnabled);

    public async Task<(SchedulerConfigValues Values, long Version)> GetAsync(CancellationToken ct)
    {
        var row = await db.SchedulerSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ClusterId == ClusterId.Default, ct);
        return row is null ? (Defaults, 0) : (row.Values, row.Version);
    }
}
