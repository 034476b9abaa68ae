namespace ControlPlane.Domain.Scheduling;

/// <summary>Decides whether a host can take a VM at all. Returns null to pass, or the reason it rejects.</summary>
public interface IHostFilter
{
    string Name { get; }
    string? Reject(HostLoad host, PlacementRequest request, ClusterSnapshot snapshot);
}
