namespace ControlPlane.Domain.Scheduling.Filters;

/// <summary>
/// HA admission control: with a reservation for k host failures, a VM is admitted only while the free memory of
/// the CONNECTED hosts, after it, still covers the k largest hosts (the VMs of any k failed hosts fit in the
/// survivors' free memory, in total). The check is cluster-wide, so it rejects every host or none.
/// </summary>
public sealed class HaReservationFilter : IHostFilter
{
    public string Name => nameof(HaReservationFilter);

    public bool Accepts(HostLoad host, PlacementContext context) => context.HaHeadroomMiB >= 0;

    public string Explain(HostLoad host, PlacementContext context) =>
        $"admitting it would leave {-context.HaHeadroomMiB} MiB too little to restart the VMs of {context.Snapshot.Settings.HaHostFailures} failed host(s)";
}
