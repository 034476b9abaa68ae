using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Network.Ovs;

namespace ControlPlane.Agent.Network;

/// <summary>
/// The one place that maps <c>Agent:NetworkDriver</c> to an <see cref="INetworkDriver"/>; a driver with
/// settings of its own reads them from <c>agentSection</c> (the <c>Agent</c> configuration section).
/// </summary>
internal static class NetworkDriverRegistration
{
    public static IServiceCollection AddNetworkDriver(
        this IServiceCollection services, AgentOptions options, IConfigurationSection agentSection)
    {
        switch (options.NetworkDriver.ToLowerInvariant())
        {
            case NoopNetworkDriver.DriverName:
                services.AddSingleton<INetworkDriver, NoopNetworkDriver>();
                break;
            case "ovs":
                services.AddOvsNetwork(agentSection);
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown network driver '{options.NetworkDriver}' in Agent:NetworkDriver; use 'none' or 'ovs'.");
        }
        return services;
    }
}
