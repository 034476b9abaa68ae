using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reporting;

/// <summary>The agent against a fake control plane: register, receive a push, report what it runs.</summary>
public sealed class AgentRegistrationTests
{
    [Fact]
    public async Task Start_WithoutIdentity_RegistersSavesIdentityAndReports()
    {
        using var dir = new TempDir();
        await using var controlPlane = await FakeControlPlane.StartAsync(dir.File("cp.sock"));

        await using var agent = await RunningAgent.StartAsync(controlPlane.Url, identity: null, "--Agent:Name=host-a");

        await Eventually.HoldsAsync(() => controlPlane.LastReport is not null, "a status report arrives");
        var registration = Assert.Single(controlPlane.Registrations);
        Assert.Equal("host-a", registration.Name);
        Assert.Equal(agent.Url, registration.AgentUrl);
        Assert.Equal(16, registration.Capacity.CpuCores);
        Assert.Equal("Skylake-Server", registration.Capacity.CpuModel);
        var saved = await File.ReadAllTextAsync(Path.Combine(agent.DataDir, "identity.json"));
        Assert.Contains(controlPlane.HostId.ToString()!, saved, StringComparison.Ordinal);
        Assert.Equal("simulated", controlPlane.LastReport!.Driver);
    }

    [Fact]
    public async Task Start_ListeningOnTcpPortZero_AdvertisesTheBoundPort()
    {
        using var dir = new TempDir();
        await using var controlPlane = await FakeControlPlane.StartAsync(dir.File("cp.sock"));

        await using var agent = await RunningAgent.StartAsync(controlPlane.Url, identity: null, "--urls", "http://127.0.0.1:0");

        await Eventually.HoldsAsync(() => !controlPlane.Registrations.IsEmpty, "the agent registers");
        var advertised = new Uri(Assert.Single(controlPlane.Registrations).AgentUrl);
        Assert.Equal(("127.0.0.1", true), (advertised.Host, advertised.Port > 0));
    }

    [Fact]
    public async Task Push_AfterRegistration_ReportShowsTheVmRunningAtThatGeneration()
    {
        using var dir = new TempDir();
        await using var controlPlane = await FakeControlPlane.StartAsync(dir.File("cp.sock"));
        await using var agent = await RunningAgent.StartAsync(controlPlane.Url);
        await Eventually.HoldsAsync(() => controlPlane.LastReport is not null, "the agent has registered");
        var vm = Vms.Desired();

        using var push = await PushAsync(agent, controlPlane, Vms.State(controlPlane.HostId!.Value, 3, vm));

        push.EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(
            () => controlPlane.LastReport is { ObservedGeneration: 3 } report
                && report.Vms.Any(observed => observed.Id == vm.Id && observed.State == ObservedVmState.Running),
            "a report shows the VM running at generation 3");
    }

    [Fact]
    public async Task Report_ControlPlaneForgotTheHost_RegistersAgainWithTheSameAgentToken()
    {
        using var dir = new TempDir();
        await using var controlPlane = await FakeControlPlane.StartAsync(dir.File("cp.sock"));
        await using var agent = await RunningAgent.StartAsync(controlPlane.Url);
        await Eventually.HoldsAsync(() => controlPlane.LastReport is not null, "the agent has registered");

        controlPlane.Forget();

        await Eventually.HoldsAsync(
            () => controlPlane.Registrations.Count == 2 && controlPlane.LastReport is not null,
            "the agent registered again and reports");
        var tokens = controlPlane.Registrations.Select(registration => registration.AgentToken).Distinct();
        Assert.Single(tokens);
    }

    [Fact]
    public async Task Start_ControlPlaneNotUpYet_RegistersOnceItAnswers()
    {
        using var dir = new TempDir();
        var socket = dir.File("cp.sock");
        await using var agent = await RunningAgent.StartAsync("unix:" + socket);

        await using var controlPlane = await FakeControlPlane.StartAsync(socket);

        await Eventually.HoldsAsync(() => controlPlane.LastReport is not null, "the agent registered and reports");
    }

    private static Task<HttpResponseMessage> PushAsync(RunningAgent agent, FakeControlPlane controlPlane, HostDesiredState state) =>
        agent.SendAsync(HttpMethod.Put, "v1/desired-state", state, controlPlane.Registrations.Last().AgentToken);
}
