using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ControlPlane.Agent.Hypervisor.Simulated;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;

namespace ControlPlane.Agent.Tests.Api;

public sealed class SimulationEndpointsTests
{
    private readonly AgentIdentity _identity = new(Guid.NewGuid(), "host-token", "agent-token-for-tests");

    [Fact]
    public async Task PutLoad_RunningSimulatedVm_RaisesHostCpu()
    {
        await using var agent = await RunningAgent.StartAsync("unix:/nonexistent/cp.sock", _identity, "--Agent:Simulated:CpuCores=4");
        var simulated = agent.Get<SimulatedHypervisor>();
        var vm = Vms.Desired() with { Vcpus = 2 };
        await simulated.DefineAsync(vm, CancellationToken.None);
        await simulated.StartAsync(vm, CancellationToken.None);

        using var response = await PutLoadAsync(agent, vm.Id, 80);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(40, (await simulated.GetUsageAsync(CancellationToken.None)).CpuPercent, precision: 6);
    }

    [Fact]
    public async Task PutLoad_UnknownVm_Returns404()
    {
        await using var agent = await RunningAgent.StartAsync("unix:/nonexistent/cp.sock", _identity);

        using var response = await PutLoadAsync(agent, Guid.NewGuid(), 50);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PutLoad_OutOfRange_Returns400()
    {
        await using var agent = await RunningAgent.StartAsync("unix:/nonexistent/cp.sock", _identity);

        using var response = await PutLoadAsync(agent, Guid.NewGuid(), 150);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<HttpResponseMessage> PutLoadAsync(RunningAgent agent, Guid vmId, double cpuPercent)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"v1/simulation/vms/{vmId}/load")
        {
            Content = JsonContent.Create(new { cpuPercent }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _identity.AgentToken);
        return agent.Client.SendAsync(request);
    }
}
