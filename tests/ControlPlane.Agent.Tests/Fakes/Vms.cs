using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>Small builders for desired state in tests.</summary>
internal static class Vms
{
    public static DesiredVm Desired(VmPowerState power = VmPowerState.On, int nics = 0, int disks = 0) => new()
    {
        Id = Guid.NewGuid(),
        Name = "vm",
        Vcpus = 2,
        MemoryMiB = 1024,
        PowerState = power,
        Nics = [.. Enumerable.Range(0, nics).Select(_ => Nic())],
        Disks = [.. Enumerable.Range(0, disks).Select(_ => new DesiredDisk { Id = Guid.NewGuid(), SizeGiB = 1 })],
    };

    public static DesiredNic Nic() => new() { Id = Guid.NewGuid(), MacAddress = "52:54:00:00:00:01" };

    public static HostDesiredState State(Guid hostId, long generation, params DesiredVm[] vms) =>
        new() { HostId = hostId, Generation = generation, Vms = vms };
}
