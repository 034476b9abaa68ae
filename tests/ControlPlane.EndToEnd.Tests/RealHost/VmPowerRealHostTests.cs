using System.Diagnostics;
using ControlPlane.RealHost.Tests;
using Xunit.Abstractions;

namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>A real guest created and power-cycled through the API: every action checked on the host and in the API.</summary>
[Trait("Category", "RealHost")]
[Collection(RealHostClusterDefinition.Name)]
public sealed class VmPowerRealHostTests(RealHostClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan BootWithin = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task CreatedVm_BootsARealGuest_AndFollowsEveryPowerAction()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var vm = await Guest.CreateAsync(fixture.Cluster, Guest.Spec("power", null, Guest.Nic(100, "10.100.0.31/24")));
        try
        {
            await vm.Serial.WaitForAsync(s => s.Boots() >= 1, "CP-BOOT-OK after create", BootWithin);
            output.WriteLine($"create to CP-BOOT-OK: {clock.Elapsed.TotalSeconds:0.0} s on {vm.HostName}");
            await vm.WaitForObservedAsync("RUNNING");
            var pid = vm.QemuPid() ?? throw new InvalidOperationException("no live QEMU process for a RUNNING VM");

            await vm.PowerAsync("power-off");
            await Eventually.HoldsAsync(() => !vm.IsAlive(pid), BootWithin, "power-off to end the QEMU process");
            await vm.WaitForObservedAsync("STOPPED");

            await vm.PowerAsync("power-on");
            await vm.Serial.WaitForAsync(s => s.Boots() >= 2, "CP-BOOT-OK after power-on", BootWithin);
            await vm.WaitForObservedAsync("RUNNING");
            var pid2 = vm.QemuPid() ?? throw new InvalidOperationException("no live QEMU process after power-on");
            Assert.NotEqual(pid, pid2);

            await vm.Serial.WaitForAsync(s => s.Heartbeat() >= 1, "a heartbeat before reset", BootWithin);
            await vm.PowerAsync("reset");
            await vm.Serial.WaitForAsync(s => s.Boots() >= 3, "CP-BOOT-OK after reset", BootWithin);
            Assert.Equal(pid2, vm.QemuPid());
            Assert.Equal("RUNNING", (string)(await vm.GetAsync())["observed"]!["state"]!);

            await vm.Serial.WaitForAsync(s => s.Heartbeat() >= 1, "a heartbeat before shutdown", BootWithin);
            await vm.PowerAsync("shutdown");
            Assert.Contains("CP-POWERDOWN", vm.Serial.CurrentBoot());
            await Eventually.HoldsAsync(() => !vm.IsAlive(pid2), BootWithin, "the guest to power itself off after the ACPI button");
            await vm.WaitForObservedAsync("STOPPED");
            output.WriteLine($"total: {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            await vm.DeleteAsync();
        }
    }
}
