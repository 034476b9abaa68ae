namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>A VM of a MUST affinity policy whose members already run somewhere goes to a host running them.</summary>
public sealed class AffinityMustFilter : IHostFilter
{
    public string Name => nameof(AffinityMustFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => Violated(host, context) is null;

    public string Explain(HostLoad host, PlacementContext context) =>
        $"the VMs of MUST affinity policy {Violated(host, context)} run elsewhere";

    private static string? Violated(HostLoad host, PlacementContext context)
    {
        foreach (var id in context.AffinityMust)
        {
            if (context.AffinityMustPlaced.Contains(id) && host.Members(id) == 0)
            {
                return id;
            }
        }
        return null;
    }
}
