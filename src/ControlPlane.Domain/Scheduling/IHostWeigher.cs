namespace ControlPlane.Domain.Scheduling;

/// <summary>Scores a host that passed every filter; higher is better. Scores are normalised to 0..1 per request.</summary>
public interface IHostWeigher
{
    string Name { get; }
    double Score(HostLoad host, PlacementContext context);
}
