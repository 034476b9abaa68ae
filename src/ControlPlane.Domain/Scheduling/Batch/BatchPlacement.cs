using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Scheduling.Batch;

/// <summary>A batch placed on as few hosts as possible: the plan, how many hosts it uses and the lower bound on that.</summary>
public sealed record BatchPlacement(Plan Plan, int HostsUsed, int LowerBoundHosts)
{
    public double Ratio => LowerBoundHosts > 0 ? (double)HostsUsed / LowerBoundHosts : 1;
}
