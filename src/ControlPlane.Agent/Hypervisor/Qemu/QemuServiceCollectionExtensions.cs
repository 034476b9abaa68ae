using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlPlane.Agent.Hypervisor.Qemu;

internal static class QemuServiceCollectionExtensions
{
    /// <summary>
    /// Registers the qemu driver as the <see cref="IHypervisor"/>, with options from <c>Agent:Qemu</c>
    /// and the data folder from <c>Agent:DataDir</c>; pass the root configuration or the <c>Agent</c> section.
    /// </summary>
    public static IServiceCollection AddQemuHypervisor(this IServiceCollection services, IConfiguration configuration)
    {
        var agent = configuration is IConfigurationSection { Key: "Agent" } section ? section : configuration.GetSection("Agent");
        services.AddOptions<QemuOptions>()
            .Bind(agent.GetSection("Qemu"))
            .Configure(o => o.DataDir = agent["DataDir"] ?? o.DataDir);
        services.TryAddSingleton<QemuHypervisor>();
        services.AddSingleton<IHypervisor>(sp => sp.GetRequiredService<QemuHypervisor>());
        return services;
    }
}
