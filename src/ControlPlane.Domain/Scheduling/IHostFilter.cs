namespace ControlPlane.Domain.Scheduling;

/// <summary>Decides whether a host can take a VM at all; <see cref="Explain"/> says why not, only when asked.</summary>
public interface IHostFilter
{
    string Name { get; }

    bool Accepts(HostLoad host, PlacementContext context);

    /// <summary>The reason a host was rejected, for the explanation of an unplaceable VM.</summary>
    string Explain(HostLoad host, PlacementContext context);
}
