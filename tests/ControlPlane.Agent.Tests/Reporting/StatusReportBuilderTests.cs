using ControlPlane.Agent.Reporting;
using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Tests.Reporting;

public sealed class StatusReportBuilderTests
{
    [Fact]
    public async Task Build_TerminalErrorAndUndefinedVm_ReportsLastErrorAndMissing()
    {
        await using var harness = new ReconcilerHarness();
        var tooBig = Vms.Desired() with { Vcpus = 64 };
        var running = Vms.Desired();
        await harness.PushAsync(6, tooBig, running);
        await harness.ReconcileAsync(running.Id);
        await harness.ReconcileAsync(tooBig.Id);
        var undefined = Vms.Desired();
        await harness.PushAsync(7, tooBig, running, undefined);

        var report = await Builder(harness).BuildAsync(Identity(harness.HostId), CancellationToken.None);

        Assert.Equal(7, report.ObservedGeneration);
        var byId = report.Vms.ToDictionary(vm => vm.Id);
        Assert.Contains("64 vCPUs", byId[tooBig.Id].LastError, StringComparison.Ordinal);
        Assert.Equal(ObservedVmState.Running, byId[running.Id].State);
        Assert.Null(byId[running.Id].LastError);
        Assert.Equal(ObservedVmState.Missing, byId[undefined.Id].State);
    }

    [Fact]
    public async Task Build_DesiredStateOfAnEarlierIdentity_ReportsGenerationZero()
    {
        await using var harness = new ReconcilerHarness();
        await harness.PushAsync(4, Vms.Desired());

        var report = await Builder(harness).BuildAsync(Identity(Guid.NewGuid()), CancellationToken.None);

        Assert.Equal(0, report.ObservedGeneration);
        Assert.Empty(report.Vms);
    }

    private static StatusReportBuilder Builder(ReconcilerHarness harness) =>
        new(harness.Hypervisor, harness.Store, harness.Errors);

    private static AgentIdentity Identity(Guid hostId) => new(hostId, "host-token", "agent-token");
}
