using System.Diagnostics;
using ControlPlane.RealHost.Tests;
using Xunit.Abstractions;

namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>
/// Guests created through the API on two test hosts, wired by the agents' OVS into VLANs over the hosts'
/// bonded uplinks; the guests ping on their own and report on their serial consoles.
/// </summary>
[Trait("Category", "RealHost")]
[Collection(RealHostClusterDefinition.Name)]
public sealed class NetworkRealHostTests(RealHostClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task VmsOnVlan100OnTwoHosts_ReachEachOther_Vlan200IsIsolated_AndATrunkReachesBoth()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        // Created one by one: B lands on the other host because A's host then has less free memory.
        var a = await Guest.CreateAsync(fixture.Cluster, Guest.Spec("a", "cp.ping=10.100.0.12", Guest.Nic(100, "10.100.0.11/24")));
        var b = await Guest.CreateAsync(fixture.Cluster, Guest.Spec("b", "cp.ping=10.100.0.11", Guest.Nic(100, "10.100.0.12/24")));
        // C is on VLAN 200 with an address in VLAN 100's subnet too, so only the VLAN keeps it from A.
        var c = await Guest.CreateAsync(fixture.Cluster,
            Guest.Spec("c", "cp.ip0=10.100.0.13/24,10.200.0.13/24 cp.ping=10.100.0.11", Guest.Nic(200)));
        var d = await Guest.CreateAsync(fixture.Cluster,
            Guest.Spec("d", "cp.vlan0=200:10.200.0.14/24 cp.ping=10.100.0.11,10.100.0.12,10.200.0.13", Guest.TrunkNic(100, "10.100.0.14/24", 200)));
        Guest[] all = [a, b, c, d];
        try
        {
            Assert.NotEqual(a.HostId, b.HostId);
            output.WriteLine($"a on {a.HostName}, b on {b.HostName}, c on {c.HostName}, d on {d.HostName}");

            await b.Serial.WaitForAsync(s => s.Pings("10.100.0.11").Contains(true), "B reaches A (other host) on VLAN 100", PingTimeout);
            await a.Serial.WaitForAsync(s => s.Pings("10.100.0.12").Contains(true), "A reaches B (other host) on VLAN 100", PingTimeout);
            await d.Serial.WaitForAsync(s => s.Pings("10.100.0.11").Contains(true) && s.Pings("10.100.0.12").Contains(true),
                "trunk D reaches A and B on its native VLAN 100", PingTimeout);
            await d.Serial.WaitForAsync(s => s.Pings("10.200.0.13").Contains(true), "trunk D reaches C on tagged VLAN 200", PingTimeout);
            output.WriteLine($"VLAN 100 across hosts, trunk to both VLANs: {clock.Elapsed.TotalSeconds:0.0} s");

            // By now A is reachable from B and D; C has tried it at least three times and never got through.
            await c.Serial.WaitForAsync(s => s.Pings("10.100.0.11").Count >= 3, "C tried A three times", PingTimeout);
            Assert.DoesNotContain(true, c.Serial.Pings("10.100.0.11"));
            await Task.WhenAll(all.Select(v => v.WaitForObservedAsync("RUNNING")));
        }
        finally
        {
            await Task.WhenAll(all.Select(v => v.DeleteAsync()));
        }
    }

    [Fact]
    public async Task ActiveUplinkGoesDown_BondFailsOver_LosingAtMostOnePingOfFifty()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var target = await Guest.CreateAsync(fixture.Cluster, Guest.Spec("bond-target", null, Guest.Nic(100, "10.100.0.21/24")));
        var pinger = await Guest.CreateAsync(fixture.Cluster,
            Guest.Spec("bond-pinger", "cp.ping=10.100.0.21 cp.pingint=0.1", Guest.Nic(100, "10.100.0.22/24")));
        try
        {
            Assert.NotEqual(target.HostId, pinger.HostId);
            var failover = await BondFailover.TakeActiveUplinkDownAsync(
                fixture.Cluster.TestHosts!.Bed, target.Host, pinger.Serial, "10.100.0.21", PingTimeout);
            output.WriteLine($"{target.HostName}: took {failover.Downed} down, lost {failover.Lost} of {BondFailover.Pings} pings");
            Assert.True(failover.Lost <= 1, $"lost {failover.Lost} of {BondFailover.Pings} pings after taking {failover.Downed} down");
            Assert.NotEqual(failover.Downed, failover.ActiveAfter);
        }
        finally
        {
            await Task.WhenAll(target.DeleteAsync(), pinger.DeleteAsync());
        }
    }
}
