using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlPlane.Agent.Network.Ovs;

internal static class OvsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ovs driver as the <see cref="INetworkDriver"/>, with options from <c>Agent:Ovs</c>
    /// and the data folder from <c>Agent:DataDir</c>.
    /// </summary>
    public static IServiceCollection AddOvsNetwork(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OvsOptions>()
            .Bind(configuration.GetSection(OvsOptions.Section))
            .Configure(o => o.DataDir = configuration["Agent:DataDir"] ?? o.DataDir);
        services.TryAddSingleton<OvsNetworkDriver>();
        services.AddSingleton<INetworkDriver>(sp => sp.GetRequiredService<OvsNetworkDriver>());
        return services;
    }
}
