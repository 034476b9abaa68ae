using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlPlane.Agent.Network.Ovs;

internal static class OvsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ovs driver as the <see cref="INetworkDriver"/>, with options from <c>Agent:Ovs</c>
    /// and the data folder from <c>Agent:DataDir</c>; pass the root configuration or the <c>Agent</c> section.
    /// </summary>
    public static IServiceCollection AddOvsNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        var agent = configuration is IConfigurationSection { Key: "Agent" } section ? section : configuration.GetSection("Agent");
        services.AddOptions<OvsOptions>()
            .Bind(agent.GetSection("Ovs"))
            .Configure(o => o.DataDir = agent["DataDir"] ?? o.DataDir);
        services.TryAddSingleton<OvsNetworkDriver>();
        services.AddSingleton<INetworkDriver>(sp => sp.GetRequiredService<OvsNetworkDriver>());
        return services;
    }
}
