using ControlPlane.Domain.Vms;

namespace ControlPlane.Application.Vms;

/// <summary>
/// A VM as the API shows it: what was asked for beside what its agent last reported. DesiredGeneration
/// increases with every change to the VM's desired state (it is the VM's concurrency version).
/// </summary>
public sealed record VmResponse(
    Guid Id,
    string Name,
    int Vcpus,
    int MemoryMiB,
    PowerState PowerState,
    Guid? HostId,
    Guid ClusterId,
    IReadOnlyList<NicResponse> Nics,
    IReadOnlyList<DiskResponse> Disks,
    IReadOnlyDictionary<string, string> Categories,
    bool MemoryOvercommit,
    bool VtpmEnabled,
    Guid GenerationId,
    string? CpuModel,
    Guid? TemplateId,
    long DesiredGeneration,
    ObservedResponse Observed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static VmResponse From(Vm vm) => new(
        vm.Id.Value,
        vm.Name,
        vm.Vcpus,
        vm.MemoryMiB,
        vm.PowerState,
        vm.HostId?.Value,
        vm.ClusterId.Value,
        [.. vm.Nics.Select(n => new NicResponse(n.Id, n.SubnetId?.Value, n.VlanMode, n.VlanId, n.TrunkedVlans, n.MacAddress, n.IpAddress))],
        [.. vm.Disks.Select(d => new DiskResponse(d.Id, d.SizeGiB, d.ImageId))],
        vm.Categories,
        vm.MemoryOvercommit,
        vm.VtpmEnabled,
        vm.GenerationId,
        vm.CpuModel,
        null,
        vm.Version,
        new ObservedResponse(vm.ObservedState, vm.ObservedHostId?.Value, vm.ObservedAt, vm.ObservedError, vm.ObservedCpuPercent),
        vm.CreatedAt,
        vm.UpdatedAt);
}

public sealed record NicResponse(Guid Id, Guid? SubnetId, VlanMode VlanMode, int VlanId, IReadOnlyList<int> TrunkedVlans, string MacAddress, string? IpAddress);

public sealed record DiskResponse(Guid Id, int SizeGiB, Guid? ImageId);

/// <summary>What the VM's agent last reported, and when that last changed.</summary>
public sealed record ObservedResponse(ObservedState State, Guid? HostId, DateTimeOffset? At, string? Error, double CpuPercent);
