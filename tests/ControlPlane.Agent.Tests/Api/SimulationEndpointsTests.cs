using System.Net;
using ControlPlane.Agent.Hypervisor.Simulated;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Api;

public sealed class SimulationEndpointsTests
{
    private const string NoControlPlane = "unix:/nonexistent/cp.sock";
    private readonly AgentIdentity _identity = new(Guid.NewGuid(), "host-token", "agent-token-for-tests");

    [Fact]
    public async Task PutLoad_RunningSimulatedVm_RaisesHostCpu()
    {
        await using var agent = await RunningAgent.StartAsync(NoControlPlane, _identity, "--Agent:Simulated:CpuCores=4");
        var simulated = agent.Get<SimulatedHypervisor>();
        var vm = Vms.Desired() with { Vcpus = 2 };
        (await agent.SendAsync(HttpMethod.Put, "v1/desired-state", Vms.State(_identity.HostId, 1, vm), _identity.AgentToken)).Dispose();
        await Eventually.HoldsAsync(
            async () => (await simulated.GetAsync(vm.Id, CancellationToken.None))?.State == ObservedVmState.Running,
            "the VM runs");

        using var response = await PutLoadAsync(agent, vm.Id, 80);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(40, (await simulated.GetUsageAsync(CancellationToken.None)).CpuPercent, precision: 6);
    }

    [Fact]
    public async Task PutLoad_UnknownVm_Returns404()
    {
        await using var agent = await RunningAgent.StartAsync(NoControlPlane, _identity);

        using var response = await PutLoadAsync(agent, Guid.NewGuid(), 50);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PutLoad_OutOfRange_Returns400()
    {
        await using var agent = await RunningAgent.StartAsync(NoControlPlane, _identity);

        using var response = await PutLoadAsync(agent, Guid.NewGuid(), 150);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> PutLoadAsync(RunningAgent agent, Guid vmId, double cpuPercent) =>
        agent.SendAsync(HttpMethod.Put, $"v1/simulation/vms/{vmId}/load", new { cpuPercent }, _identity.AgentToken);
}
