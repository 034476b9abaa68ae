namespace ControlPlane.Agent.Reporting;

internal enum ReportDelivery
{
    Delivered,

    /// <summary>The control plane refused this host's token: it no longer knows the host.</summary>
    HostUnknown,
}
