namespace ControlPlane.Domain.Security;

public enum Role { Viewer, Operator, Admin }

/// <summary>An API key: only its SHA-256 hash and a short prefix (to tell keys apart in lists) are kept.</summary>
public sealed class ApiKey
{
    private ApiKey() { }

    public ApiKey(Guid id, string name, Role role, string hash, string prefix, DateTimeOffset now)
    {
        Id = id;
        Name = name;
        Role = role;
        Hash = hash;
        Prefix = prefix;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Role Role { get; private set; }
    public string Hash { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public long Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Viewers read; operators also change things; admins also manage keys and webhooks.</summary>
    public static bool Allows(Role holder, Role required) => holder >= required;
}
