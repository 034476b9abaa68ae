using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Agent.Hypervisor.Simulated;

namespace ControlPlane.Agent.Hypervisor;

/// <summary>
/// The one place that maps <c>Agent:Driver</c> to an <see cref="IHypervisor"/>; a driver with settings of
/// its own reads them from <c>agentSection</c> (the <c>Agent</c> configuration section).
/// </summary>
internal static class HypervisorRegistration
{
    public static IServiceCollection AddHypervisor(
        this IServiceCollection services, AgentOptions options, IConfigurationSection agentSection)
    {
        switch (options.Driver.ToLowerInvariant())
        {
            case SimulatedHypervisor.DriverName:
                services.AddSingleton<SimulatedHypervisor>();
                services.AddSingleton<IHypervisor>(sp => sp.GetRequiredService<SimulatedHypervisor>());
                break;
            case "qemu":
                services.AddQemuHypervisor(agentSection);
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown hypervisor driver '{options.Driver}' in Agent:Driver; use 'simulated' or 'qemu'.");
        }
        return services;
    }
}
