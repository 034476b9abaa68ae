using ControlPlane.Agent.Hypervisor.Simulated;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests;

public sealed class AgentRestartTests
{
    private const string NoControlPlane = "unix:/nonexistent/cp.sock";

    [Fact]
    public async Task Restart_SimulatedDriver_StartsTheVmsAgainFromPersistedDesiredState()
    {
        using var data = new TempDir();
        var identity = new AgentIdentity(Guid.NewGuid(), "host-token", "agent-token-for-tests");
        await new IdentityStore(data.Path).SaveAsync(identity, CancellationToken.None);
        var dataDir = $"--Agent:DataDir={data.Path}";
        var vm = Vms.Desired();
        await using (var first = await RunningAgent.StartAsync(NoControlPlane, identity: null, dataDir))
        {
            (await first.SendAsync(HttpMethod.Put, "v1/desired-state", Vms.State(identity.HostId, 1, vm), identity.AgentToken)).Dispose();
            await WaitUntilRunningAsync(first, vm.Id);
        }

        await using var second = await RunningAgent.StartAsync(NoControlPlane, identity: null, dataDir);

        await WaitUntilRunningAsync(second, vm.Id);
        Assert.Equal(1, second.Get<DesiredStateStore>().Generation);
    }

    private static Task WaitUntilRunningAsync(RunningAgent agent, Guid vmId) =>
        Eventually.HoldsAsync(
            async () => (await agent.Get<SimulatedHypervisor>().GetAsync(vmId, CancellationToken.None))?.State
                == ObservedVmState.Running,
            "the VM runs");
}
