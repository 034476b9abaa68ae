namespace ControlPlane.Domain.Scheduling.Weighers;

/// <summary>Keeps SHOULD anti-affinity while resources allow: the fewer group members on a host, the better.</summary>
public sealed class SoftAntiAffinityWeigher : IHostWeigher
{
    public string Name => nameof(SoftAntiAffinityWeigher);

    public double Score(HostLoad host, PlacementContext context)
    {
        var members = 0;
        foreach (var id in context.AntiAffinityShould)
        {
            members += host.Members(id);
        }
        return -members;
    }
}
