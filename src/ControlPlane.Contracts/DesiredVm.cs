namespace ControlPlane.Contracts;

/// <summary>One VM as its host should run it.</summary>
public sealed record DesiredVm
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required int Vcpus { get; init; }
    public required int MemoryMiB { get; init; }
    public required VmPowerState PowerState { get; init; }

    /// <summary>How an ON→OFF change is carried out: ACPI power button then hard stop, or hard stop.</summary>
    public ShutdownMode ShutdownMode { get; init; } = ShutdownMode.Hard;

    /// <summary>Bumped by each reset request; the agent resets the VM once per increment.</summary>
    public long ResetCounter { get; init; }

    /// <summary>Bumped by each reboot request; the agent restarts the VM gracefully once per increment.</summary>
    public long RebootCounter { get; init; }

    public string? CpuModel { get; init; }
    public Guid GenerationId { get; init; }
    public bool VtpmEnabled { get; init; }
    public IReadOnlyList<DesiredNic> Nics { get; init; } = [];
    public IReadOnlyList<DesiredDisk> Disks { get; init; } = [];

    /// <summary>Extra kernel command line for direct-kernel-boot guests (the test guest reads cp.* options).</summary>
    public string? KernelArgs { get; init; }
}
