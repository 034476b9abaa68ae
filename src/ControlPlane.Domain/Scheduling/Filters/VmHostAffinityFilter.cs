using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>A VM under VM-host affinity policies runs only on hosts every one of them allows (a MUST rule).</summary>
public sealed class VmHostAffinityFilter : IHostFilter
{
    public string Name => nameof(VmHostAffinityFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => Violated(host, context) is null;

    public string Explain(HostLoad host, PlacementContext context) => $"not allowed by policy {Violated(host, context)}";

    private static string? Violated(HostLoad host, PlacementContext context)
    {
        foreach (var policy in context.HostAffinity)
        {
            if (!CategoryMatch.Matches(policy.HostCategories, host.Host.Categories))
            {
                return policy.Id;
            }
        }
        return null;
    }
}
