using ControlPlane.Domain.Security;

namespace ControlPlane.Application.Security;

/// <summary>An API key as listed; the secret itself appears only once, in the create answer (<see cref="Key"/>).</summary>
public sealed record ApiKeyResponse(Guid Id, string Name, Role Role, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Key = null)
{
    public static ApiKeyResponse From(ApiKey key, string? secret = null) =>
        new(key.Id, key.Name, key.Role, key.Prefix, key.CreatedAt, key.RevokedAt, secret);
}
