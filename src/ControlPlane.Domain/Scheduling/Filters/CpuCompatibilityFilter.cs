namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>A VM that names a CPU model runs on a host whose model is at least as capable (see <see cref="CpuModels"/>).</summary>
public sealed class CpuCompatibilityFilter : IHostFilter
{
    public string Name => nameof(CpuCompatibilityFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => CpuModels.Satisfies(host.Host.CpuModel, context.Request.CpuModel);

    public string Explain(HostLoad host, PlacementContext context) =>
        $"host model {host.Host.CpuModel} cannot run {context.Request.CpuModel}";
}
