using ControlPlane.Contracts;
using Xunit.Abstractions;

namespace ControlPlane.RealHost.Tests;

[Trait("Category", "RealHost")]
public sealed class QemuDeviceAndAdoptionTests(QemuHostFixture host, ITestOutputHelper output) : IClassFixture<QemuHostFixture>
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Hotplug_NicAndDisk_AppearInGuest_AndUnplugRemovesThem()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        await using var hv = host.NewHypervisor();
        var spec = GuestSpecs.Vm("hotplug");
        var serial = new SerialConsole(hv.SerialLogPath(spec.Id));
        await hv.StartAsync(spec, CancellationToken.None);
        await serial.WaitForBootAsync();

        var nic = GuestSpecs.Nic();
        var disk = new DesiredDisk { Id = Guid.NewGuid(), SizeGiB = 1 };
        await hv.AttachNicAsync(spec.Id, nic, CancellationToken.None);
        await hv.AttachDiskAsync(spec.Id, disk, CancellationToken.None);
        await serial.WaitForAsync(s => s.Devices().Contains("eth0", StringComparison.Ordinal) && s.Devices().Contains("vda", StringComparison.Ordinal),
            "hot-plugged eth0 and vda", Short);
        var actual = await hv.GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal([nic.Id], actual!.NicIds);
        Assert.Equal([disk.Id], actual.DiskIds);
        var diskFile = Path.Combine(Path.GetDirectoryName(serial.Path)!, $"disk-{disk.Id}.qcow2");
        Assert.True(File.Exists(diskFile));

        // Attaching again is a no-op.
        await hv.AttachNicAsync(spec.Id, nic, CancellationToken.None);

        await hv.DetachNicAsync(spec.Id, nic.Id, CancellationToken.None);
        await hv.DetachDiskAsync(spec.Id, disk.Id, CancellationToken.None);
        await serial.WaitForAsync(s => s.Devices() == "CP-DEVS", "eth0 and vda gone", Short);
        actual = await hv.GetAsync(spec.Id, CancellationToken.None);
        Assert.Empty(actual!.NicIds);
        Assert.Empty(actual.DiskIds);
        Assert.False(File.Exists(diskFile));
        Assert.Equal(ObservedVmState.Running, actual.State);

        await hv.StopAsync(spec.Id, CancellationToken.None);
    }

    [Fact]
    public async Task NewHypervisorInstance_AdoptsRunningGuest_WithSamePid_AndControlsIt()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var spec = GuestSpecs.Vm("adopt", null, GuestSpecs.Nic(ip: "10.250.1.2/24"));
        int pid;
        SerialConsole serial;
        await using (var first = host.NewHypervisor())
        {
            serial = new SerialConsole(first.SerialLogPath(spec.Id));
            await first.StartAsync(spec, CancellationToken.None);
            await serial.WaitForBootAsync();
            pid = (await first.GetAsync(spec.Id, CancellationToken.None))!.ProcessId!.Value;
        }

        // The first "agent" is gone (its QMP connections closed); the guest keeps running.
        var before = serial.Heartbeat();
        await using var second = host.NewHypervisor();
        await second.AdoptAsync(CancellationToken.None);
        var adopted = Assert.Single(await second.ListAsync(CancellationToken.None));
        Assert.Equal(spec.Id, adopted.Id);
        Assert.Equal(ObservedVmState.Running, adopted.State);
        Assert.Equal(pid, adopted.ProcessId);
        Assert.Equal(spec.Nics[0].Id, Assert.Single(adopted.NicIds));
        Assert.Equal(spec.MemoryMiB, adopted.Spec!.MemoryMiB);
        await serial.WaitForAsync(s => s.Heartbeat() >= before + 2, "heartbeat still rising after adoption", Short);
        Assert.Equal(1, serial.Boots());

        await second.PauseAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Paused, (await second.GetAsync(spec.Id, CancellationToken.None))!.State);
        await second.ResumeAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Running, (await second.GetAsync(spec.Id, CancellationToken.None))!.State);

        await second.StopAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Stopped, (await second.GetAsync(spec.Id, CancellationToken.None))!.State);

        // A third instance finds it stopped (not crashed): the stop was recorded as intent.
        await using var third = host.NewHypervisor();
        await third.AdoptAsync(CancellationToken.None);
        Assert.Equal(ObservedVmState.Stopped, (await third.GetAsync(spec.Id, CancellationToken.None))!.State);
    }
}
