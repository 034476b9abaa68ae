using ControlPlane.Domain.Hosts;
using ControlPlane.Domain.Tasks;
using ControlPlane.Domain.Vms;

namespace ControlPlane.Application.Tasks;

/// <summary>Decides whether a running VM task is done, failed or still waiting, from what the agent reported.</summary>
internal static class TaskCompletion
{
    public static void Evaluate(OperationTask task, Vm? vm, Host? host, DateTimeOffset now)
    {
        if (task.IsFinished)
        {
            return;
        }
        if (vm is null)
        {
            task.Fail("The VM was deleted.", now);
        }
        else if (host is not null && host.ObservedGeneration >= task.AwaitedHostGeneration && vm.ObservedState == task.AwaitedState
                 && vm.ObservedHostId == vm.HostId)
        {
            task.Succeed(now);
        }
        else if (vm.ObservedState is ObservedState.Failed && vm.ObservedError is { } error && host?.ObservedGeneration >= task.AwaitedHostGeneration)
        {
            task.Fail(error, now);
        }
        else if (now >= task.DeadlineAt)
        {
            task.Fail($"The VM did not reach {task.AwaitedState?.ToString().ToUpperInvariant()} in time"
                + (host is { State: HostState.Unreachable } ? " (its host is unreachable)." : "."), now);
        }
    }
}
