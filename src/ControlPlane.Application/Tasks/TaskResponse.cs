using ControlPlane.Domain.Tasks;

namespace ControlPlane.Application.Tasks;

public sealed record TaskResponse(
    Guid Id,
    string Operation,
    OperationStatus Status,
    int ProgressPercent,
    IReadOnlyList<EntityReference> EntitiesAffected,
    string? ErrorMessage,
    Guid? ParentTaskId,
    bool IsCancelable,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt)
{
    public static TaskResponse From(OperationTask task) => new(
        task.Id.Value,
        task.Operation,
        task.Status,
        task.ProgressPercent,
        [new EntityReference(task.EntityKind, task.EntityId)],
        task.ErrorMessage,
        task.ParentTaskId?.Value,
        !task.IsFinished,
        task.CreatedAt,
        task.StartedAt,
        task.CompletedAt);
}

public sealed record EntityReference(string Kind, Guid Id);
