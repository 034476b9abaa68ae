using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Network;
using ControlPlane.Contracts;

namespace ControlPlane.RealHost.Tests;

public sealed class QemuCommandLineTests
{
    private static readonly QemuOptions Options = new() { DataDir = "/data", Kernel = "/g/vmlinux", Initrd = "/g/initrd.gz", Accelerator = "tcg" };

    [Fact]
    public void Build_NamesProcessFilesAndDevicesAfterIds()
    {
        var nic = new DesiredNic { Id = Guid.NewGuid(), MacAddress = "52:54:00:00:00:01", VlanId = 100, IpAddress = "10.100.0.11/24", Gateway = "10.100.0.1" };
        var disk = new DesiredDisk { Id = Guid.NewGuid(), SizeGiB = 1 };
        var spec = new DesiredVm
        {
            Id = Guid.NewGuid(), Name = "a", Vcpus = 2, MemoryMiB = 256, PowerState = VmPowerState.On,
            Nics = [nic], Disks = [disk], KernelArgs = "cp.ping=10.100.0.12",
        };
        var paths = new VmPaths(Options.DataDir, spec.Id);
        var state = new VmStateFile { Intent = VmIntent.Running, PortCount = 4, Slots = new() { [nic.Id] = 0, [disk.Id] = 1 } };

        var args = QemuCommandLine.Build(spec, Options, paths, state);
        var line = string.Join(' ', args);

        Assert.Contains($"-name {spec.Id},process=cp-{spec.Id.ToString("N")[..8]}", line, StringComparison.Ordinal);
        Assert.Contains("-accel tcg", line, StringComparison.Ordinal);
        Assert.Contains("-smp 2 -m 256", line, StringComparison.Ordinal);
        Assert.Contains("-nic none", line, StringComparison.Ordinal);
        Assert.Contains($"-pidfile /data/vms/{spec.Id}/qemu.pid", line, StringComparison.Ordinal);
        Assert.Contains($"ifname={TapNames.For(nic.Id)},script=no,downscript=no,vhost=off", line, StringComparison.Ordinal);
        Assert.Contains("mac=52:54:00:00:00:01", line, StringComparison.Ordinal);
        Assert.Contains("bus=rp1", line, StringComparison.Ordinal);
        Assert.Equal(4, args.Count(a => a.StartsWith("pcie-root-port", StringComparison.Ordinal)));
        Assert.DoesNotContain("-no-reboot", args);
        Assert.EndsWith("cp.ip0=10.100.0.11/24 cp.gw0=10.100.0.1 cp.ping=10.100.0.12", args[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutKernel_BootsFromFirstDisk()
    {
        var disk = new DesiredDisk { Id = Guid.NewGuid(), SizeGiB = 1 };
        var spec = new DesiredVm { Id = Guid.NewGuid(), Name = "b", Vcpus = 1, MemoryMiB = 128, PowerState = VmPowerState.On, Disks = [disk] };
        var state = new VmStateFile { PortCount = 1, Slots = new() { [disk.Id] = 0 } };

        var args = QemuCommandLine.Build(spec, new QemuOptions { DataDir = "/d" }, new VmPaths("/d", spec.Id), state);

        Assert.DoesNotContain("-kernel", args);
        Assert.Contains(args, a => a.Contains("bootindex=1", StringComparison.Ordinal));
    }
}
