using ControlPlane.EndToEnd.Tests.Infrastructure;
using ControlPlane.RealHost.Tests;
using Xunit.Abstractions;

namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>An agent is a controller, not a parent: its guests outlive it and it re-adopts them when it comes back.</summary>
[Trait("Category", "RealHost")]
[Collection(RealHostClusterDefinition.Name)]
public sealed class AgentRestartRealHostTests(RealHostClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task KilledAgents_LeaveTheirGuestsRunning_AndAfterRestartTheApiStillShowsThemOn()
    {
        if (!RealHostEnvironment.Ready(output))
        {
            return;
        }

        var testHosts = fixture.Cluster.TestHosts!;
        Guest[] guests = [
            await Guest.CreateAsync(fixture.Cluster, Guest.Spec("keep-1")),
            await Guest.CreateAsync(fixture.Cluster, Guest.Spec("keep-2")),
        ];
        try
        {
            Assert.NotEqual(guests[0].HostId, guests[1].HostId);
            await Task.WhenAll(guests.Select(g => g.Serial.WaitForBootAsync()));
            await Task.WhenAll(guests.Select(g => g.WaitForObservedAsync("RUNNING")));
            var pids = guests.Select(g => g.QemuPid()).ToArray();
            Assert.All(pids, pid => Assert.NotNull(pid));

            await Task.WhenAll(guests.Select(g => testHosts.KillAgentAsync(g.Host)));

            var beats = guests.Select(g => g.Serial.Heartbeat()).ToArray();
            await Task.WhenAll(guests.Select((g, i) => g.Serial.WaitForAsync(s => s.Heartbeat() >= beats[i] + 3,
                "heartbeats rising while its agent is dead", Timeout)));
            Assert.Equal(pids, guests.Select(g => g.QemuPid()).ToArray());

            var restarted = DateTimeOffset.UtcNow;
            await testHosts.StartAsync();
            foreach (var guest in guests)
            {
                var vm = await Poll.UntilAsync(guest.GetAsync,
                    v => (string)v["observed"]!["state"]! == "RUNNING" && (DateTimeOffset)v["observed"]!["at"]! > restarted,
                    Timeout, $"{guest.HostName}'s restarted agent to report its guest RUNNING");
                Assert.Equal("ON", (string)vm["powerState"]!);
            }

            var after = guests.Select(g => g.Serial.Heartbeat()).ToArray();
            await Task.WhenAll(guests.Select((g, i) => g.Serial.WaitForAsync(s => s.Heartbeat() > after[i],
                "heartbeats still rising with the agent back", Timeout)));
            Assert.Equal(pids, guests.Select(g => g.QemuPid()).ToArray());
            Assert.All(guests, g => Assert.Equal(1, g.Serial.Boots()));
            output.WriteLine($"QEMU pids {string.Join(", ", pids)} survived their agents; heartbeats now {string.Join(", ", after)}");
        }
        finally
        {
            await Task.WhenAll(guests.Select(g => g.DeleteAsync()));
        }
    }
}
