using ControlPlane.Contracts;

namespace ControlPlane.Agent.State;

/// <summary>The reset and reboot counters of one VM that this agent has already carried out.</summary>
internal sealed record AppliedCounters(long Reset, long Reboot)
{
    public static AppliedCounters Of(DesiredVm vm) => new(vm.ResetCounter, vm.RebootCounter);
}
