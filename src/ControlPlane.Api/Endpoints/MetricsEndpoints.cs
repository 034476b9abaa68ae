using System.Text;
using ControlPlane.Api.Auth;
using ControlPlane.Application.Observability;

namespace ControlPlane.Api.Endpoints;

internal static class MetricsEndpoints
{
    /// <summary>Prometheus text format; scrape with a viewer key (Authorization: Bearer works for Prometheus).</summary>
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", Metrics).ExcludeFromDescription().RequireAuthorization(AuthSetup.UserPolicy);
        return app;
    }

    private static async Task<IResult> Metrics(ControlPlaneMetrics metrics, ClusterGauges gauges, CancellationToken ct)
    {
        var text = new StringBuilder();
        metrics.WriteTo(text);
        await gauges.WriteToAsync(text, ct);
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }
}
