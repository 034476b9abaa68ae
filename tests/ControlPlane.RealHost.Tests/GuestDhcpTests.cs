using System.Diagnostics;
using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Network;
using Xunit.Abstractions;

namespace ControlPlane.RealHost.Tests;

/// <summary>The test guest takes its address from DHCP when asked (cp.dhcp0=1): busybox udhcpd serves it over the tap.</summary>
[Trait("Category", "RealHost")]
public sealed class GuestDhcpTests(QemuHostFixture host, ITestOutputHelper output) : IClassFixture<QemuHostFixture>
{
    [Fact]
    public async Task Guest_WithDhcpOption_GetsLeaseAndReachesServer()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var ns = new CommandRunner(host.Namespace);
        var nic = GuestSpecs.Nic();
        var tap = TapNames.For(nic.Id);
        var conf = Path.Combine(host.DataDir, "udhcpd.conf");
        var pidFile = Path.Combine(host.DataDir, "udhcpd.pid");
        await File.WriteAllTextAsync(Path.Combine(host.DataDir, "leases"), string.Empty);
        await File.WriteAllTextAsync(conf, $"start 10.77.0.50\nend 10.77.0.60\ninterface {tap}\nlease_file {host.DataDir}/leases\n"
            + $"pidfile {pidFile}\noption subnet 255.255.255.0\n");
        await ns.RunAsync("ip", ["tuntap", "add", "dev", tap, "mode", "tap"], CancellationToken.None);
        await ns.RunAsync("ip", ["addr", "add", "10.77.0.1/24", "dev", tap], CancellationToken.None);
        await ns.RunAsync("ip", ["link", "set", "dev", tap, "up"], CancellationToken.None);
        await ns.RunAsync("busybox", ["udhcpd", conf], CancellationToken.None);
        try
        {
            await using var hv = host.NewHypervisor();
            var spec = GuestSpecs.Vm("dhcp", "cp.dhcp0=1 cp.ping=10.77.0.1", nic);
            var serial = new SerialConsole(hv.SerialLogPath(spec.Id));
            await hv.StartAsync(spec, CancellationToken.None);

            await serial.WaitForAsync(s => s.Pings("10.77.0.1").Contains(true), "the guest pinging the DHCP server");
            var line = Assert.Single(serial.Lines(), l => l.StartsWith("CP-NIC eth0 ", StringComparison.Ordinal));
            Assert.Matches(@"^CP-NIC eth0 \S+ 10\.77\.0\.(5\d|60)/24$", line);
            await hv.StopAsync(spec.Id, CancellationToken.None);
        }
        finally
        {
            if (ProcFs.ReadPidFile(pidFile) is { } pid && ProcFs.IsOurs(pid, conf))
            {
                using var udhcpd = Process.GetProcessById(pid);
                udhcpd.Kill();
            }
        }
    }
}
