using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ControlPlane.Agent.State;

/// <summary>
/// Holds this host's identity and persists it to <c>identity.json</c>. Before the first registration
/// completes there is no host id yet, but the agent token already exists: it is generated for the first
/// registration and then kept, across restarts and re-registrations alike, so there is never a moment
/// where the control plane holds a token this agent would refuse.
/// </summary>
internal sealed class IdentityStore(string dataDir)
{
    private readonly string _path = Path.Combine(dataDir, "identity.json");
    private volatile AgentIdentity? _current;
    private volatile string _agentToken = NewToken();

    /// <summary>The registered identity, or null while the host has not registered yet.</summary>
    public AgentIdentity? Current => _current;

    /// <summary>The token the control plane presents on pushes; known even before registration.</summary>
    public string AgentToken => _agentToken;

    public async Task LoadAsync(CancellationToken ct)
    {
        var stored = await AtomicJsonFile.ReadAsync<AgentIdentity>(_path, ct);
        if (stored is not null)
        {
            _agentToken = stored.AgentToken;
            _current = stored;
        }
    }

    public async Task SaveAsync(AgentIdentity identity, CancellationToken ct)
    {
        await AtomicJsonFile.WriteAsync(_path, identity, ct);
        _agentToken = identity.AgentToken;
        _current = identity;
    }

    /// <summary>Compares a presented token with the agent token in constant time.</summary>
    public bool IsAgentToken(string presented) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(_agentToken)));

    private static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
