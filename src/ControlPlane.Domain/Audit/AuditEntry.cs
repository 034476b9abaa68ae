namespace ControlPlane.Domain.Audit;

/// <summary>One mutation: who asked for what, when, with which request and idempotency ids, and how it ended.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string actor, string method, string path, string? operation, int statusCode,
        string requestId, string? idempotencyKey)
    {
        At = at;
        Actor = actor;
        Method = method;
        Path = path;
        Operation = operation;
        StatusCode = statusCode;
        RequestId = requestId;
        IdempotencyKey = idempotencyKey;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Method { get; private set; } = "";
    public string Path { get; private set; } = "";
    public string? Operation { get; private set; }
    public int StatusCode { get; private set; }
    public string RequestId { get; private set; } = "";
    public string? IdempotencyKey { get; private set; }

    public string Outcome => StatusCode < 400 ? "SUCCEEDED" : StatusCode < 500 ? "REJECTED" : "FAILED";
}
