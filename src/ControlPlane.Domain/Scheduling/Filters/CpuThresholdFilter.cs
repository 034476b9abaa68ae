namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>A placement never takes a host's used CPU over the hotspot threshold, so placing never makes a hotspot.</summary>
public sealed class CpuThresholdFilter : IHostFilter
{
    private const double Epsilon = 1e-9;

    public string Name => nameof(CpuThresholdFilter);

    public bool Accepts(HostLoad host, PlacementContext context) =>
        host.CpuUsedCores + context.Request.CpuUsedCores <= Limit(host, context) + Epsilon;

    public string Explain(HostLoad host, PlacementContext context) =>
        $"{host.CpuUsedCores + context.Request.CpuUsedCores:0.##} cores used would exceed {Limit(host, context):0.##}";

    private static double Limit(HostLoad host, PlacementContext context) =>
        host.Host.CpuCores * context.Snapshot.Settings.CpuThresholdPercent / 100.0;
}
