using System.Security.Cryptography;
using ControlPlane.Application.Common;
using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;
using ControlPlane.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Vms;

/// <summary>Turns NIC requests into NICs: resolves each subnet's VLAN and assigns a locally administered MAC.</summary>
internal sealed class NicFactory(ControlPlaneDbContext db)
{
    public async Task<List<VmNic>> CreateAsync(IReadOnlyList<NicRequest> requests, CancellationToken ct)
    {
        var subnetIds = requests.Where(r => r.SubnetId is not null).Select(r => new SubnetId(r.SubnetId!.Value)).ToList();
        var subnets = await db.Subnets.AsNoTracking().Where(s => subnetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var nics = new List<VmNic>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var vlanId = request.VlanId ?? 0;
            SubnetId? subnetId = null;
            if (request.SubnetId is { } id)
            {
                if (!subnets.TryGetValue(new SubnetId(id), out var subnet))
                {
                    throw ValidationFailed.For($"nics[{i}].subnetId", $"Subnet '{id}' does not exist.");
                }
                subnetId = subnet.Id;
                vlanId = subnet.VlanId;
            }
            nics.Add(new VmNic(Guid.CreateVersion7(), subnetId, request.VlanMode, vlanId, request.TrunkedVlans ?? [],
                request.MacAddress?.ToLowerInvariant() ?? NewMac(), request.IpAddress));
        }
        return nics;
    }

    /// <summary>52:54:00 is QEMU's prefix; the rest is random, and a unique index catches the rare collision.</summary>
    private static string NewMac()
    {
        Span<byte> tail = stackalloc byte[3];
        RandomNumberGenerator.Fill(tail);
        return $"52:54:00:{tail[0]:x2}:{tail[1]:x2}:{tail[2]:x2}";
    }
}
