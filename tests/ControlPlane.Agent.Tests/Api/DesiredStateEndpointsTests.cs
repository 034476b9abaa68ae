using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlPlane.Agent.Hypervisor.Simulated;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Api;

public sealed class DesiredStateEndpointsTests : IAsyncLifetime
{
    private const string NoControlPlane = "unix:/nonexistent/cp.sock";
    private readonly AgentIdentity _identity = new(Guid.NewGuid(), "host-token", "agent-token-for-tests");
    private RunningAgent _agent = null!;

    public async Task InitializeAsync() => _agent = await RunningAgent.StartAsync(NoControlPlane, _identity);

    public async Task DisposeAsync() => await _agent.DisposeAsync();

    [Fact]
    public async Task Put_WithoutToken_Returns401Problem()
    {
        using var response = await PutAsync(Vms.State(_identity.HostId, 1), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_WithWrongToken_Returns401()
    {
        using var response = await PutAsync(Vms.State(_identity.HostId, 1), token: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Put_WithToken_AcksGenerationAndStoresState()
    {
        var pushed = Vms.State(_identity.HostId, 4, Vms.Desired());

        using var response = await PutAsync(pushed);
        using var get = await _agent.SendAsync(HttpMethod.Get, "v1/desired-state", body: null, _identity.AgentToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DesiredStateAck(4), await response.Content.ReadFromJsonAsync<DesiredStateAck>(JsonSerializerOptions.Web));
        var stored = await get.Content.ReadFromJsonAsync<HostDesiredState>(JsonSerializerOptions.Web);
        Assert.Equal(4, stored?.Generation);
        Assert.Equal(pushed.Vms[0].Id, Assert.Single(stored!.Vms).Id);
    }

    [Fact]
    public async Task Put_StaleGeneration_AcksTheNewerGeneration()
    {
        (await PutAsync(Vms.State(_identity.HostId, 7))).Dispose();

        using var response = await PutAsync(Vms.State(_identity.HostId, 6));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new DesiredStateAck(7), await response.Content.ReadFromJsonAsync<DesiredStateAck>(JsonSerializerOptions.Web));
    }

    [Fact]
    public async Task Put_StateOfAnotherHost_Returns400Problem()
    {
        using var response = await PutAsync(Vms.State(Guid.NewGuid(), 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_MalformedBody_Returns400Problem()
    {
        using var response = await _agent.SendAsync(HttpMethod.Put, "v1/desired-state", new { generation = "many" }, _identity.AgentToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Put_UnknownSchemaVersion_Returns400()
    {
        using var response = await PutAsync(Vms.State(_identity.HostId, 1) with { SchemaVersion = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Put_VmDesiredOn_SimulatedVmStartsRunning()
    {
        var vm = Vms.Desired();

        (await PutAsync(Vms.State(_identity.HostId, 1, vm))).Dispose();

        var simulated = _agent.Get<SimulatedHypervisor>();
        await Eventually.HoldsAsync(
            async () => (await simulated.GetAsync(vm.Id, CancellationToken.None))?.State == ObservedVmState.Running,
            "the VM runs");
    }

    [Fact]
    public async Task Healthz_WithoutToken_ReturnsOk()
    {
        Assert.Equal("ok", await _agent.Client.GetStringAsync("healthz"));
    }

    private Task<HttpResponseMessage> PutAsync(HostDesiredState state, string? token = "") =>
        _agent.SendAsync(HttpMethod.Put, "v1/desired-state", state, token == "" ? _identity.AgentToken : token);
}
