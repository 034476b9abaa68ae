using System.Reflection;
using ControlPlane.Application.Ads;
using ControlPlane.Application.Audit;
using ControlPlane.Application.Behaviours;
using ControlPlane.Application.Dispatch;
using ControlPlane.Application.Events;
using ControlPlane.Application.Hosts;
using ControlPlane.Application.Idempotency;
using ControlPlane.Application.Monitoring;
using ControlPlane.Application.Observability;
using ControlPlane.Application.Scheduling;
using ControlPlane.Application.Security;
using ControlPlane.Application.Tasks;
using ControlPlane.Application.Views;
using ControlPlane.Application.Vms;
using ControlPlane.Application.Webhooks;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Application;

public static class ApplicationRegistration
{
    /// <summary>
    /// Use cases, pipeline and background loops. MediatR 5.1.0 has no AddMediatR, so handlers, validators
    /// and the open-generic behaviours are registered here by hand (docs/decisions/0002-mediatr-5.md).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<SchedulingOptions>(configuration.GetSection("ControlPlane:Scheduling"));
        services.Configure<DispatchOptions>(configuration.GetSection("ControlPlane:Dispatch"));
        services.Configure<MonitoringOptions>(configuration.GetSection("ControlPlane:Monitoring"));
        services.Configure<TaskOptions>(configuration.GetSection("ControlPlane:Tasks"));
        services.Configure<AdsOptions>(configuration.GetSection("ControlPlane:Ads"));

        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // Outermost first: log the whole call, translate persistence races, then validate.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ConcurrencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        RegisterClosedImplementations(services, typeof(IRequestHandler<,>), ServiceLifetime.Scoped);
        // Validators hold no state, and building one compiles its rules' expressions: once per process, not per request.
        RegisterClosedImplementations(services, typeof(IValidator<>), ServiceLifetime.Singleton);

        services.AddSingleton<ControlPlaneMetrics>();
        services.AddScoped<ClusterGauges>();
        services.AddScoped<ApiKeyLookup>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<ReadEvents>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService<WebhookSender>();
        services.AddScoped<IdempotencyStore>();
        services.AddHostedService<IdempotencyJanitor>();
        services.AddScoped<SnapshotLoader>();
        services.AddScoped<PlacementCommitter>();
        services.AddScoped<SchedulerSettingsStore>();
        services.AddScoped<PlanRunner>();
        services.AddSingleton<IVmMover, ColdMover>();
        services.AddHostedService<AdsLoop>();
        services.AddScoped<NicFactory>();
        services.AddScoped<HostAllocations>();
        services.AddSingleton<ResourceViews>();
        services.AddScoped<DesiredStateProjector>();
        services.AddSingleton<AgentClient>();
        services.AddSingleton<DispatchSignal>();
        services.AddHostedService<DesiredStateDispatcher>();
        services.AddHostedService<HeartbeatMonitor>();
        services.AddHostedService<TaskTracker>();
        return services;
    }

    private static void RegisterClosedImplementations(IServiceCollection services, Type openInterface, ServiceLifetime lifetime)
    {
        var types = Assembly.GetExecutingAssembly().GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false });
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface))
            {
                services.Add(new ServiceDescriptor(contract, type, lifetime));
            }
        }
    }
}
