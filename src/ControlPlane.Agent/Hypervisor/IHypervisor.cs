using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor;

/// <summary>
/// What the reconciler needs of a hypervisor. Shaped after QMP: one guest process per VM, driven by
/// start/stop/powerdown/reset/pause/resume, device hot-plug, and (later) migration. Every call is
/// idempotent where the underlying operation allows it, and only ever touches VMs this agent owns.
/// </summary>
internal interface IHypervisor
{
    string Name { get; }

    /// <summary>The host's capacity as this hypervisor sees it.</summary>
    HostCapacity Capacity { get; }

    /// <summary>Re-attaches to the guests this agent started before a restart. Called once at start-up.</summary>
    Task AdoptAsync(CancellationToken ct);

    /// <summary>Every VM this agent owns, defined or running.</summary>
    Task<IReadOnlyList<VmActual>> ListAsync(CancellationToken ct);

    Task<VmActual?> GetAsync(Guid vmId, CancellationToken ct);

    /// <summary>Creates the VM's resources (disks, sockets folder) without starting it.</summary>
    Task DefineAsync(DesiredVm spec, CancellationToken ct);

    /// <summary>Starts a defined VM with the given spec (the spec's NICs and disks at boot).</summary>
    Task StartAsync(DesiredVm spec, CancellationToken ct);

    /// <summary>Hard power-off: the guest process ends.</summary>
    Task StopAsync(Guid vmId, CancellationToken ct);

    /// <summary>Presses the ACPI power button; the guest may or may not react.</summary>
    Task PowerdownAsync(Guid vmId, CancellationToken ct);

    Task ResetAsync(Guid vmId, CancellationToken ct);
    Task PauseAsync(Guid vmId, CancellationToken ct);
    Task ResumeAsync(Guid vmId, CancellationToken ct);

    Task AttachNicAsync(Guid vmId, DesiredNic nic, CancellationToken ct);
    Task DetachNicAsync(Guid vmId, Guid nicId, CancellationToken ct);
    Task AttachDiskAsync(Guid vmId, DesiredDisk disk, CancellationToken ct);
    Task DetachDiskAsync(Guid vmId, Guid diskId, CancellationToken ct);

    /// <summary>Removes a stopped VM and its resources.</summary>
    Task UndefineAsync(Guid vmId, CancellationToken ct);

    /// <summary>Host-level utilisation as measured now.</summary>
    Task<HostUsage> GetUsageAsync(CancellationToken ct);
}
