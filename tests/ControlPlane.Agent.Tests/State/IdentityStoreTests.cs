using ControlPlane.Agent.State;
using ControlPlane.Agent.Tests.Fakes;

namespace ControlPlane.Agent.Tests.State;

public sealed class IdentityStoreTests
{
    [Fact]
    public async Task Load_AfterSave_RestoresIdentityAndAgentToken()
    {
        using var dir = new TempDir();
        var identity = new AgentIdentity(Guid.NewGuid(), "host-token", new IdentityStore(dir.Path).AgentToken);
        await new IdentityStore(dir.Path).SaveAsync(identity, CancellationToken.None);

        var reloaded = new IdentityStore(dir.Path);
        await reloaded.LoadAsync(CancellationToken.None);

        Assert.Equal(identity, reloaded.Current);
        Assert.True(reloaded.IsAgentToken(identity.AgentToken));
        Assert.False(reloaded.IsAgentToken(identity.AgentToken + "x"));
    }

    [Fact]
    public void AgentToken_NewStore_Is32RandomBytesInBase64Url()
    {
        using var dir = new TempDir();

        var token = new IdentityStore(dir.Path).AgentToken;

        Assert.Equal(43, token.Length);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.NotEqual(token, new IdentityStore(dir.Path).AgentToken);
    }
}
