namespace ControlPlane.Domain.Scheduling.Weighers;

/// <summary>Keeps SHOULD affinity while resources allow: the more group members on a host, the better.</summary>
public sealed class SoftAffinityWeigher : IHostWeigher
{
    public string Name => nameof(SoftAffinityWeigher);

    public double Score(HostLoad host, PlacementContext context)
    {
        var members = 0;
        foreach (var id in context.AffinityShould)
        {
            members += host.Members(id);
        }
        return members;
    }
}
