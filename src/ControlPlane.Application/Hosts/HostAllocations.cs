using ControlPlane.Application.Scheduling;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Hosts;

/// <summary>Sums what powered-on VMs reserve per host, the same way the scheduler counts it.</summary>
internal sealed class HostAllocations(ControlPlaneDbContext db, IOptions<SchedulingOptions> options)
{
    public async Task<Dictionary<HostId, AllocatedResponse>> ForAsync(IReadOnlyCollection<HostId> hostIds, CancellationToken ct)
    {
        var fraction = options.Value.OvercommitReserveFraction;
        var vms = await db.Vms.AsNoTracking()
            .Where(v => v.HostId != null && hostIds.Contains(v.HostId.Value) && v.PowerState != PowerState.Off)
            .Select(v => new { HostId = v.HostId!.Value, v.Vcpus, v.MemoryMiB, v.MemoryOvercommit })
            .ToListAsync(ct);
        return hostIds.ToDictionary(id => id, id =>
        {
            var onHost = vms.Where(v => v.HostId == id).ToList();
            return new AllocatedResponse(
                onHost.Sum(v => v.Vcpus),
                onHost.Sum(v => (long)Vm.ReservedMemory(v.MemoryMiB, v.MemoryOvercommit, fraction)),
                onHost.Count);
        });
    }
}
