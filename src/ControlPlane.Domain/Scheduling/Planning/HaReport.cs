namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Whether the cluster can restart the VMs of any <see cref="HostFailures"/> failed hosts: the reserve it keeps
/// (free memory on CONNECTED hosts), the most any k failures would need, and the host sets whose VMs would not fit.
/// </summary>
public sealed record HaReport(int HostFailures, bool Guaranteed, long ReserveMiB, long RequiredMiB, IReadOnlyList<IReadOnlyList<string>> FailingHostSets);
