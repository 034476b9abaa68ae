using ControlPlane.Contracts;

namespace ControlPlane.RealHost.Tests;

/// <summary>Small test-guest specs: 1 vCPU and little memory, so several boot at once under TCG on 2 cores.</summary>
internal static class GuestSpecs
{
    private static int _mac;

    public static DesiredVm Vm(string name, string? kernelArgs = null, params DesiredNic[] nics) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Vcpus = 1,
        MemoryMiB = 160,
        PowerState = VmPowerState.On,
        Nics = nics,
        KernelArgs = kernelArgs,
    };

    public static DesiredNic Nic(int vlan = 0, string? ip = null, VlanMode mode = VlanMode.Access, params int[] trunked)
    {
        var n = Interlocked.Increment(ref _mac);
        return new DesiredNic
        {
            Id = Guid.NewGuid(),
            MacAddress = $"52:54:00:{Environment.ProcessId % 256:x2}:{n / 256 % 256:x2}:{n % 256:x2}",
            VlanMode = mode,
            VlanId = vlan,
            TrunkedVlans = trunked,
            IpAddress = ip,
        };
    }
}
