using ControlPlane.Domain.Common;
using ControlPlane.Domain.Vms;

namespace ControlPlane.Domain.Tasks;

/// <summary>
/// A long operation an operator can poll. A VM power task is done when the VM's agent reports the state
/// it waits for; it fails when its deadline passes first or the agent reports an error.
/// </summary>
public sealed class OperationTask
{
    private OperationTask() { }

    public OperationTask(TaskId id, string operation, string entityKind, Guid entityId, DateTimeOffset now, DateTimeOffset deadline)
    {
        Id = id;
        Operation = operation;
        EntityKind = entityKind;
        EntityId = entityId;
        Status = OperationStatus.Running;
        CreatedAt = now;
        StartedAt = now;
        UpdatedAt = now;
        DeadlineAt = deadline;
    }

    public TaskId Id { get; private set; }
    public string Operation { get; private set; } = "";
    public string EntityKind { get; private set; } = "";
    public Guid EntityId { get; private set; }
    public OperationStatus Status { get; private set; }
    public int ProgressPercent { get; private set; }
    public string? ErrorMessage { get; private set; }
    public TaskId? ParentTaskId { get; private set; }

    /// <summary>The observed VM state that completes this task, for tasks that wait on an agent.</summary>
    public ObservedState? AwaitedState { get; private set; }

    /// <summary>The host generation carrying the change; the agent must have accepted it before the task is done.</summary>
    public long? AwaitedHostGeneration { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset DeadlineAt { get; private set; }
    public long Version { get; private set; }

    public bool IsFinished => Status is OperationStatus.Succeeded or OperationStatus.Failed or OperationStatus.Canceled;

    public void AwaitVmState(ObservedState state, long hostGeneration)
    {
        AwaitedState = state;
        AwaitedHostGeneration = hostGeneration;
    }

    public void Succeed(DateTimeOffset now) => Finish(OperationStatus.Succeeded, null, now);

    public void Fail(string error, DateTimeOffset now) => Finish(OperationStatus.Failed, error, now);

    public void Cancel(DateTimeOffset now) => Finish(OperationStatus.Canceled, "Canceled by request.", now);

    private void Finish(OperationStatus status, string? error, DateTimeOffset now)
    {
        if (IsFinished)
        {
            return;
        }
        Status = status;
        ErrorMessage = error;
        ProgressPercent = 100;
        CompletedAt = now;
        UpdatedAt = now;
    }
}
