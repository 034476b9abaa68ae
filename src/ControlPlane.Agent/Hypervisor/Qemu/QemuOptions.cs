namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Settings of the qemu driver, bound from <c>Agent:Qemu</c> (the data folder from <c>Agent:DataDir</c>).</summary>
internal sealed class QemuOptions
{
    public const string Section = "Agent:Qemu";

    /// <summary>The agent's data folder; VMs live under <c>DataDir/vms/&lt;vmId&gt;/</c>.</summary>
    public string DataDir { get; set; } = "data/agent";

    public string Binary { get; set; } = "qemu-system-x86_64";
    public string ImageTool { get; set; } = "qemu-img";

    /// <summary><c>tcg</c> where hardware virtualisation cannot boot guests (CI sandboxes), <c>kvm</c> on real hosts.</summary>
    public string Accelerator { get; set; } = "tcg";

    /// <summary>Default <c>-cpu</c> model when the VM's spec names none.</summary>
    public string CpuModel { get; set; } = "max";

    public string Machine { get; set; } = "q35";

    /// <summary>Kernel for direct boot (the test guest's PVH <c>vmlinux</c>); empty boots from the first disk.</summary>
    public string? Kernel { get; set; }

    public string? Initrd { get; set; }

    /// <summary>Kernel command line before the per-NIC <c>cp.ipN=</c> options and the VM's own KernelArgs.</summary>
    public string KernelCommandLine { get; set; } = "console=ttyS0 quiet panic=-1";

    /// <summary>Free PCIe root ports each VM gets for hot-plugging NICs and disks.</summary>
    public int HotplugPorts { get; set; } = 4;

    /// <summary>Host capacity overrides; by default the processor count and /proc/meminfo.</summary>
    public int? CpuCores { get; set; }

    public int? MemoryMiB { get; set; }

    /// <summary>Run QEMU (and qemu-img) in this network namespace; empty when the agent already runs inside it.</summary>
    public string? NetworkNamespace { get; set; }

    /// <summary>How long a hard stop waits for QEMU to exit after <c>quit</c> before killing it.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a graceful shutdown waits after the ACPI power button before a hard stop.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
