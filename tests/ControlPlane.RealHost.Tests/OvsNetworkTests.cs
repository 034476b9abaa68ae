using System.Diagnostics;
using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Network.Ovs;
using ControlPlane.Contracts;
using Xunit.Abstractions;

namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Two test hosts (namespaces with br0 bonded over eth1/eth2 into the physical switch) and four guests:
/// A (host 1, VLAN 100), B (host 2, VLAN 100), C (host 2, VLAN 200, also holding a 10.100.0.0/24 address),
/// D (host 1, trunk: native 100 plus tagged 200). Guests ping on their own and report on the serial console.
/// </summary>
[Trait("Category", "RealHost")]
public sealed class OvsNetworkTests(TestBedFixture bed, ITestOutputHelper output) : IClassFixture<TestBedFixture>
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task VlansTrunksAndBondFailover_BetweenGuestsOnTwoHosts()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        var ct = CancellationToken.None;
        using var net1 = QemuHostFixture.NewNetwork(bed.HostDir(1), TestBedFixture.Namespace(1), "10.99.0.11/24");
        using var net2 = QemuHostFixture.NewNetwork(bed.HostDir(2), TestBedFixture.Namespace(2), "10.99.0.12/24");
        await Task.WhenAll(net1.EnsureHostAsync(new HostNetworkSpec(), ct), net2.EnsureHostAsync(new HostNetworkSpec(), ct));
        await net1.EnsureHostAsync(new HostNetworkSpec(), ct);
        await using var hv1 = QemuHostFixture.NewHypervisor(bed.HostDir(1), TestBedFixture.Namespace(1));
        await using var hv2 = QemuHostFixture.NewHypervisor(bed.HostDir(2), TestBedFixture.Namespace(2));

        var a = GuestSpecs.Vm("a", "cp.ping=10.100.0.12", GuestSpecs.Nic(100, "10.100.0.11/24"));
        var b = GuestSpecs.Vm("b", "cp.ping=10.100.0.11 cp.pingint=0.2", GuestSpecs.Nic(100, "10.100.0.12/24"));
        var c = GuestSpecs.Vm("c", "cp.ip0=10.100.0.13/24,10.200.0.13/24 cp.ping=10.100.0.11", GuestSpecs.Nic(200));
        var d = GuestSpecs.Vm("d", "cp.vlan0=200:10.200.0.14/24 cp.ping=10.100.0.12,10.200.0.13",
            GuestSpecs.Nic(100, "10.100.0.14/24", VlanMode.Trunk, 200));
        await Task.WhenAll(
            StartAsync(net1, hv1, a), StartAsync(net2, hv2, b), StartAsync(net2, hv2, c), StartAsync(net1, hv1, d));
        var (sa, sb, sc, sd) = (Serial(hv1, a), Serial(hv2, b), Serial(hv2, c), Serial(hv1, d));
        output.WriteLine($"4 guests started: {clock.Elapsed.TotalSeconds:0.0} s");

        // VLAN 100 across hosts, both ways; the trunk's native VLAN and its tagged VLAN 200.
        await sb.WaitForAsync(s => s.Pings("10.100.0.11").Contains(true), "B (host 2) reaches A (host 1) on VLAN 100", PingTimeout);
        await sa.WaitForAsync(s => s.Pings("10.100.0.12").Contains(true), "A reaches B on VLAN 100", PingTimeout);
        await sd.WaitForAsync(s => s.Pings("10.100.0.12").Contains(true), "trunk D reaches B on native VLAN 100", PingTimeout);
        await sd.WaitForAsync(s => s.Pings("10.200.0.13").Contains(true), "trunk D reaches C on tagged VLAN 200", PingTimeout);
        output.WriteLine($"VLAN 100, trunk native and tagged reachability: {clock.Elapsed.TotalSeconds:0.0} s");

        // VLAN 200 is isolated from VLAN 100 even with an address in the same subnet.
        await sc.WaitForAsync(s => s.Pings("10.100.0.11").Count >= 3, "C tried A three times", PingTimeout);
        Assert.DoesNotContain(true, sc.Pings("10.100.0.11"));

        await BondFailoverLosesAtMostOnePingAsync(sb);
        output.WriteLine($"bond failover: {clock.Elapsed.TotalSeconds:0.0} s");

        await BondModeChangesKeepTrafficFlowingAsync(net2, sb);
        output.WriteLine($"bond modes: {clock.Elapsed.TotalSeconds:0.0} s");

        await PortsFollowDesiredStateAsync(net1, a, d);
        output.WriteLine($"total: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private async Task BondFailoverLosesAtMostOnePingAsync(SerialConsole sb)
    {
        var failover = await BondFailover.TakeActiveUplinkDownAsync(bed.Bed, 1, sb, "10.100.0.11", PingTimeout);
        output.WriteLine($"bond failover: took {failover.Downed} down, lost {failover.Lost} of {BondFailover.Pings} pings");
        Assert.True(failover.Lost <= 1, $"lost {failover.Lost} of {BondFailover.Pings} pings after taking {failover.Downed} down");
        Assert.NotEqual(failover.Downed, failover.ActiveAfter);
    }

    /// <summary>
    /// balance-slb works against a plain switch; balance-tcp asks for LACP, which the physical switch does
    /// not speak, so the bond falls back to active-backup (lacp-fallback-ab) and traffic keeps flowing.
    /// </summary>
    private static async Task BondModeChangesKeepTrafficFlowingAsync(OvsNetworkDriver net2, SerialConsole sb)
    {
        var runner = new CommandRunner(TestBedFixture.Namespace(2));
        foreach (var (mode, name) in new[] { (BondMode.BalanceSlb, "balance-slb"), (BondMode.BalanceTcp, "balance-tcp"), (BondMode.ActiveBackup, "active-backup") })
        {
            await net2.EnsureHostAsync(new HostNetworkSpec { BondMode = mode }, CancellationToken.None);
            var actual = await runner.RunAsync("ovs-vsctl", ["--db=unix:" + net2.DatabaseSocket, "get", "port", "br0-up", "bond_mode"], CancellationToken.None);
            Assert.Equal(name, actual.Trim());
            var mark = sb.Lines().Length;
            await Eventually.HoldsAsync(() => sb.Pings("10.100.0.11", mark).Count(ok => ok) >= 3, PingTimeout, $"B reaches A with bond mode {name}");
        }
    }

    private static async Task PortsFollowDesiredStateAsync(OvsNetworkDriver net1, DesiredVm a, DesiredVm d)
    {
        var runner = new CommandRunner(TestBedFixture.Namespace(1));
        var vsctl = new[] { "--db=unix:" + net1.DatabaseSocket };
        var stale = GuestSpecs.Nic(300);
        var tap = await net1.EnsureVmPortAsync(Guid.NewGuid(), stale, CancellationToken.None);
        Assert.Equal("300", (await runner.RunAsync("ovs-vsctl", [.. vsctl, "get", "port", tap, "tag"], CancellationToken.None)).Trim());

        // Re-ensuring with another VLAN retags the port; the trunk port carries native 100 and 200.
        await net1.EnsureVmPortAsync(Guid.NewGuid(), stale with { VlanId = 301 }, CancellationToken.None);
        Assert.Equal("301", (await runner.RunAsync("ovs-vsctl", [.. vsctl, "get", "port", tap, "tag"], CancellationToken.None)).Trim());
        var trunkTap = ControlPlane.Agent.Network.TapNames.For(d.Nics[0].Id);
        Assert.Equal("[100, 200]", (await runner.RunAsync("ovs-vsctl", [.. vsctl, "get", "port", trunkTap, "trunks"], CancellationToken.None)).Trim());

        await net1.PruneAsync(new HashSet<Guid> { a.Nics[0].Id, d.Nics[0].Id }, CancellationToken.None);
        var ports = await net1.ListVmPortsAsync(CancellationToken.None);
        Assert.Equal(new[] { a.Nics[0].Id, d.Nics[0].Id }.Order(), ports.Select(p => p.NicId).Order());
        Assert.NotEqual(0, (await runner.TryRunAsync("ip", ["link", "show", "dev", tap], CancellationToken.None)).ExitCode);
    }

    private static async Task StartAsync(OvsNetworkDriver net, QemuHypervisor hv, DesiredVm vm)
    {
        foreach (var nic in vm.Nics)
        {
            await net.EnsureVmPortAsync(vm.Id, nic, CancellationToken.None);
        }

        await hv.StartAsync(vm, CancellationToken.None);
    }

    private static SerialConsole Serial(QemuHypervisor hv, DesiredVm vm) => new(hv.SerialLogPath(vm.Id));
}
