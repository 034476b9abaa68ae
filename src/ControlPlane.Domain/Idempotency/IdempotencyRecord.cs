namespace ControlPlane.Domain.Idempotency;

/// <summary>The first answer to a request carrying an Idempotency-Key, replayed for the same key and body.</summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord() { }

    public IdempotencyRecord(string key, string route, string bodyHash, int statusCode, string? location, string responseBody, DateTimeOffset at)
    {
        Key = key;
        Route = route;
        BodyHash = bodyHash;
        StatusCode = statusCode;
        Location = location;
        ResponseBody = responseBody;
        CreatedAt = at;
    }

    public string Key { get; private set; } = "";
    public string Route { get; private set; } = "";
    public string BodyHash { get; private set; } = "";
    public int StatusCode { get; private set; }
    public string? Location { get; private set; }
    public string ResponseBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
}
