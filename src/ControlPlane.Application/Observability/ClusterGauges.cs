using System.Globalization;
using System.Text;
using ControlPlane.Domain.Tasks;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Observability;

/// <summary>Gauges read from the database at scrape time: hosts by state, VMs by power state, running tasks.</summary>
public sealed class ClusterGauges(ControlPlaneDbContext db)
{
    public async Task WriteToAsync(StringBuilder text, CancellationToken ct)
    {
        var hosts = await db.Hosts.AsNoTracking().Select(h => new { h.IsReachable, h.InMaintenance, h.LastHeartbeatAt }).ToListAsync(ct);
        var vms = await db.Vms.AsNoTracking().GroupBy(v => v.PowerState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var tasks = await db.Tasks.CountAsync(t => t.Status == OperationStatus.Running, ct);
        text.Append("# HELP controlplane_hosts Hosts by state.\n# TYPE controlplane_hosts gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"controlplane_hosts{{state=\"CONNECTED\"}} {hosts.Count(h => h.IsReachable && !h.InMaintenance)}\n");
        text.Append(CultureInfo.InvariantCulture, $"controlplane_hosts{{state=\"MAINTENANCE\"}} {hosts.Count(h => h.IsReachable && h.InMaintenance)}\n");
        text.Append(CultureInfo.InvariantCulture, $"controlplane_hosts{{state=\"UNREACHABLE\"}} {hosts.Count(h => !h.IsReachable)}\n");
        text.Append("# HELP controlplane_vms VMs by desired power state.\n# TYPE controlplane_vms gauge\n");
        foreach (var group in vms)
        {
            text.Append(CultureInfo.InvariantCulture, $"controlplane_vms{{power_state=\"{group.Key.ToString().ToUpperInvariant()}\"}} {group.Count}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"# HELP controlplane_tasks_running Tasks still running.\n# TYPE controlplane_tasks_running gauge\ncontrolplane_tasks_running {tasks}\n");
    }
}
