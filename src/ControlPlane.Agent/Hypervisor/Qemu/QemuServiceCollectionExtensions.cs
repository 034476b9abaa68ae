using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlPlane.Agent.Hypervisor.Qemu;

internal static class QemuServiceCollectionExtensions
{
    /// <summary>
    /// Registers the qemu driver as the <see cref="IHypervisor"/>, with options from <c>Agent:Qemu</c>
    /// and the data folder from <c>Agent:DataDir</c>.
    /// </summary>
    public static IServiceCollection AddQemuHypervisor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QemuOptions>()
            .Bind(configuration.GetSection(QemuOptions.Section))
            .Configure(o => o.DataDir = configuration["Agent:DataDir"] ?? o.DataDir);
        services.TryAddSingleton<QemuHypervisor>();
        services.AddSingleton<IHypervisor>(sp => sp.GetRequiredService<QemuHypervisor>());
        return services;
    }
}
