using System.Diagnostics;
using ControlPlane.Contracts;
using Xunit.Abstractions;

namespace ControlPlane.RealHost.Tests;

[Trait("Category", "RealHost")]
public sealed class QemuLifecycleTests(QemuHostFixture host, ITestOutputHelper output) : IClassFixture<QemuHostFixture>
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task PowerCycle_BootsPausesResetsShutsDownStartsAndStops()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        await using var hv = host.NewHypervisor();
        var spec = GuestSpecs.Vm("lifecycle", null, GuestSpecs.Nic(ip: "10.250.0.2/24"));
        var serial = new SerialConsole(hv.SerialLogPath(spec.Id));
        var clock = Stopwatch.StartNew();

        await hv.StartAsync(spec, CancellationToken.None);
        await serial.WaitForBootAsync();
        output.WriteLine($"boot to CP-HB: {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Contains(serial.Lines(), l => l.StartsWith($"CP-NIC eth0 {spec.Nics[0].MacAddress} 10.250.0.2/24", StringComparison.Ordinal));
        var running = await hv.GetAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Running, running!.State);
        var pid = running.ProcessId!.Value;
        Assert.Contains($"cp-{spec.Id.ToString("N")[..8]}", await File.ReadAllTextAsync($"/proc/{pid}/comm"), StringComparison.Ordinal);

        // Starting again is a no-op: same process.
        await hv.StartAsync(spec, CancellationToken.None);
        Assert.Equal(pid, (await hv.GetAsync(spec.Id, CancellationToken.None))!.ProcessId);

        // Pause stops the heartbeat; resume continues it.
        await hv.PauseAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Paused, (await hv.GetAsync(spec.Id, CancellationToken.None))!.State);
        var paused = serial.Heartbeat();
        await Task.Delay(2500);
        Assert.InRange(serial.Heartbeat(), paused, paused + 1);
        await hv.ResumeAsync(spec.Id, CancellationToken.None);
        Assert.Equal(ObservedVmState.Running, (await hv.GetAsync(spec.Id, CancellationToken.None))!.State);
        await serial.WaitForAsync(s => s.Heartbeat() >= paused + 2, "heartbeat after resume", Short);

        // Reset reboots the guest inside the same process.
        await hv.ResetAsync(spec.Id, CancellationToken.None);
        await serial.WaitForBootAsync(2);
        Assert.Equal(pid, (await hv.GetAsync(spec.Id, CancellationToken.None))!.ProcessId);

        // Shutdown: ACPI power button, the guest powers off by itself, QEMU exits.
        Assert.True(await hv.ShutdownAsync(spec.Id, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Contains("CP-POWERDOWN", serial.Lines());
        Assert.False(File.Exists($"/proc/{pid}/cmdline") && !IsZombie(pid));
        Assert.Equal(ObservedVmState.Stopped, (await hv.GetAsync(spec.Id, CancellationToken.None))!.State);

        // Power on boots it again in a new process; power off ends that process.
        await hv.StartAsync(spec, CancellationToken.None);
        await serial.WaitForBootAsync(3);
        var pid2 = (await hv.GetAsync(spec.Id, CancellationToken.None))!.ProcessId!.Value;
        Assert.NotEqual(pid, pid2);
        await hv.StopAsync(spec.Id, CancellationToken.None);
        Assert.True(!File.Exists($"/proc/{pid2}/cmdline") || IsZombie(pid2));
        Assert.Equal(ObservedVmState.Stopped, (await hv.GetAsync(spec.Id, CancellationToken.None))!.State);
        output.WriteLine($"total: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task KilledQemu_IsReportedCrashed_AndCanBeStartedAgain()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        await using var hv = host.NewHypervisor();
        var spec = GuestSpecs.Vm("crash", "cp.dirty=32 cp.rate=32");
        var serial = new SerialConsole(hv.SerialLogPath(spec.Id));
        await hv.StartAsync(spec, CancellationToken.None);
        await serial.WaitForBootAsync();
        await serial.WaitForAsync(s => s.Lines().Contains("CP-DIRTY 32 MiB rate=32 MiB/s"), "the memory dirtier running", Short);
        await Eventually.HoldsAsync(
            async () => (await hv.GetAsync(spec.Id, CancellationToken.None))!.DirtyRateBytesPerSec > 0, Short, "a measured dirty rate");
        output.WriteLine($"dirty rate: {(await hv.GetAsync(spec.Id, CancellationToken.None))!.DirtyRateBytesPerSec / 1048576.0:0} MiB/s");
        var pid = (await hv.GetAsync(spec.Id, CancellationToken.None))!.ProcessId!.Value;

        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var changes = hv.WatchAsync(watching.Token).GetAsyncEnumerator(watching.Token);
        using (var p = Process.GetProcessById(pid))
        {
            p.Kill();
        }

        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(spec.Id, changes.Current);
        await changes.DisposeAsync();
        await Eventually.HoldsAsync(
            async () => (await hv.GetAsync(spec.Id, CancellationToken.None))!.State == ObservedVmState.Crashed, Short, "Crashed");

        await hv.StartAsync(spec, CancellationToken.None);
        await serial.WaitForBootAsync(2);
        Assert.Equal(ObservedVmState.Running, (await hv.GetAsync(spec.Id, CancellationToken.None))!.State);

        await hv.UndefineAsync(spec.Id, CancellationToken.None);
        Assert.Null(await hv.GetAsync(spec.Id, CancellationToken.None));
        Assert.False(Directory.Exists(Path.GetDirectoryName(serial.Path)));
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
