using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Logging;
using ControlPlane.Agent.State;
using ControlPlane.Contracts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Reporting;

/// <summary>
/// Registers this host with the control plane (with the join token) and saves the identity it gets,
/// retrying with backoff (1 s doubling to 10 s) until the control plane answers. A re-registration keeps
/// the agent token, so pushes signed with it never bounce while the control plane catches up.
/// </summary>
internal sealed class HostRegistrar(
    ControlPlaneClient client,
    IdentityStore identities,
    IHypervisor hypervisor,
    AdvertisedUrl advertisedUrl,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<HostRegistrar> logger)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(10);

    public async Task<AgentIdentity> RegisterAsync(CancellationToken ct)
    {
        var retryIn = FirstRetry;
        while (true)
        {
            try
            {
                return await RegisterOnceAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.RegistrationFailed(e.Message, retryIn);
                await Task.Delay(retryIn, time, ct);
                retryIn = retryIn * 2 < MaxRetry ? retryIn * 2 : MaxRetry;
            }
        }
    }

    private async Task<AgentIdentity> RegisterOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var request = new HostRegistrationRequest
        {
            Name = settings.Name,
            AgentUrl = await advertisedUrl.GetAsync(ct),
            Capacity = hypervisor.Capacity,
            AgentToken = identities.AgentToken,
            Address = settings.Address,
        };
        var response = await client.RegisterAsync(settings.JoinToken, request, ct);
        var identity = new AgentIdentity(response.HostId, response.HostToken, request.AgentToken);
        await identities.SaveAsync(identity, ct);
        logger.Registered(identity.HostId);
        return identity;
    }
}
