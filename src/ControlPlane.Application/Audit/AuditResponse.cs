using ControlPlane.Domain.Audit;

namespace ControlPlane.Application.Audit;

public sealed record AuditResponse(long Id, DateTimeOffset At, string Actor, string Method, string Path, string? Operation,
    int StatusCode, string Outcome, string RequestId, string? IdempotencyKey)
{
    public static AuditResponse From(AuditEntry e) =>
        new(e.Id, e.At, e.Actor, e.Method, e.Path, e.Operation, e.StatusCode, e.Outcome, e.RequestId, e.IdempotencyKey);
}
