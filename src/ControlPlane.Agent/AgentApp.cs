using ControlPlane.Agent.Api;
using ControlPlane.Agent.Configuration;
using ControlPlane.Agent.Http;
using ControlPlane.Agent.Hypervisor;
using ControlPlane.Agent.Logging;
using ControlPlane.Agent.Network;
using ControlPlane.Agent.Reconciliation;
using ControlPlane.Agent.Reporting;
using ControlPlane.Agent.State;

namespace ControlPlane.Agent;

/// <summary>
/// The composition root: settings, services, endpoints, and the persisted state loaded before anything
/// runs. <c>Program</c> runs it; tests build it with their own arguments and service overrides.
/// </summary>
internal static class AgentApp
{
    private static readonly TimeSpan ControlPlaneTimeout = TimeSpan.FromSeconds(10);

    public static async Task<WebApplication> CreateAsync(
        string[] args, Action<IServiceCollection>? overrideServices = null, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(AgentOptions.SectionName).Get<AgentOptions>() ?? new();
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid agent settings: " + string.Join(" ", errors));
        }

        AddServices(builder.Services, builder.Configuration.GetSection(AgentOptions.SectionName), options);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v1", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<AgentTokenMiddleware>());
        app.MapGet("/healthz", () => "ok");
        app.MapDesiredStateEndpoints();
        app.MapSimulationEndpoints();

        await LoadStateAsync(app.Services, ct);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfigurationSection section, AgentOptions options)
    {
        services.AddOptions<AgentOptions>().Bind(section);
        services.AddProblemDetails();
        services.AddSingleton(TimeProvider.System);
        services.AddHypervisor(options, section);
        services.AddNetworkDriver(options, section);

        services.AddSingleton(_ => new IdentityStore(options.DataDir));
        services.AddSingleton(_ => new DesiredStateStore(options.DataDir));
        services.AddSingleton(_ => new AppliedCountersStore(options.DataDir));

        services.AddSingleton<VmErrors>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton(Backoff.Default());
        services.AddSingleton(sp => new PowerdownTracker(sp.GetRequiredService<TimeProvider>(), options.GracefulShutdownTimeout));
        services.AddSingleton<HostNetworkSync>();
        services.AddSingleton<ResyncTrigger>();
        services.AddSingleton<ReportTrigger>();
        services.AddSingleton<VmReconciler>();
        services.AddHostedService<VmReconcileLoop>();

        services.AddSingleton(_ => new ControlPlaneClient(UnixSocketHttp.CreateClient(options.ControlPlaneUrl, ControlPlaneTimeout)));
        services.AddSingleton<AdvertisedUrl>();
        services.AddSingleton<HostRegistrar>();
        services.AddSingleton<StatusReportBuilder>();
        services.AddHostedService<StatusReporter>();
    }

    private static async Task LoadStateAsync(IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AgentApp));
        logger.Starting(services.GetRequiredService<IHypervisor>().Name, services.GetRequiredService<INetworkDriver>().Name);

        var identities = services.GetRequiredService<IdentityStore>();
        await identities.LoadAsync(ct);
        if (identities.Current is { } identity)
        {
            logger.IdentityLoaded(identity.HostId);
        }
        var desired = services.GetRequiredService<DesiredStateStore>();
        await desired.LoadAsync(ct);
        if (desired.Current is { } state)
        {
            logger.DesiredStateLoaded(state.Generation, state.HostId);
        }
        await services.GetRequiredService<AppliedCountersStore>().LoadAsync(ct);
    }
}
