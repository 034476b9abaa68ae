namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Where one VM's files live; every name derives from the VM id, so two agents never share them.</summary>
internal sealed class VmPaths(string dataDir, Guid vmId)
{
    public string Directory { get; } = Path.Combine(Path.GetFullPath(dataDir), "vms", vmId.ToString());
    public string PidFile => Path.Combine(Directory, "qemu.pid");
    public string QmpSocket => Path.Combine(Directory, "qmp.sock");
    public string SerialLog => Path.Combine(Directory, "serial.log");
    public string SpecFile => Path.Combine(Directory, "spec.json");
    public string StateFile => Path.Combine(Directory, "state.json");

    public static string VmsDirectory(string dataDir) => Path.Combine(Path.GetFullPath(dataDir), "vms");

    public string Disk(Guid diskId) => Path.Combine(Directory, $"disk-{diskId}.qcow2");
}
