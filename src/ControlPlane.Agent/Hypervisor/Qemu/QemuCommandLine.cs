using System.Globalization;
using ControlPlane.Agent.Network;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Builds the qemu-system-x86_64 argument list for one VM. Pure: same inputs, same arguments.</summary>
internal static class QemuCommandLine
{
    public static IReadOnlyList<string> Build(DesiredVm spec, QemuOptions options, VmPaths paths, VmStateFile state)
    {
        var id = spec.Id.ToString();
        var args = new List<string>
        {
            "-name", $"{id},process=cp-{spec.Id.ToString("N")[..8]}",
            "-machine", options.Machine,
            "-accel", options.Accelerator,
            "-cpu", string.IsNullOrWhiteSpace(spec.CpuModel) ? options.CpuModel : spec.CpuModel,
            "-smp", spec.Vcpus.ToString(CultureInfo.InvariantCulture),
            "-m", spec.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            "-nodefaults", "-no-user-config",
            "-nic", "none",
            "-display", "none",
            "-monitor", "none",
            "-chardev", $"file,id=serial0,path={Escape(paths.SerialLog)},append=on",
            "-serial", "chardev:serial0",
            "-qmp", $"unix:{Escape(paths.QmpSocket)},server=on,wait=off",
            "-pidfile", paths.PidFile,
            "-daemonize",
        };

        for (var i = 0; i < state.PortCount; i++)
        {
            args.Add("-device");
            args.Add($"pcie-root-port,id={Port(i)},chassis={i + 1},slot={i + 1}");
        }

        foreach (var nic in spec.Nics)
        {
            args.Add("-netdev");
            args.Add(NetdevArgument(nic));
            args.Add("-device");
            args.Add($"virtio-net-pci,netdev={NetdevId(nic.Id)},mac={nic.MacAddress},id={NicDeviceId(nic.Id)},bus={Port(state.Slots[nic.Id])}");
        }

        var boot = string.IsNullOrWhiteSpace(options.Kernel);
        foreach (var disk in spec.Disks)
        {
            args.Add("-blockdev");
            args.Add($"driver=qcow2,node-name={DiskNodeName(disk.Id)},file.driver=file,file.filename={Escape(paths.Disk(disk.Id))}");
            args.Add("-device");
            args.Add($"virtio-blk-pci,drive={DiskNodeName(disk.Id)},id={DiskDeviceId(disk.Id)},bus={Port(state.Slots[disk.Id])}"
                + (boot ? ",bootindex=1" : string.Empty));
            boot = false;
        }

        if (!string.IsNullOrWhiteSpace(options.Kernel))
        {
            // QEMU changes to / once daemonized, so hand it absolute paths.
            args.Add("-kernel");
            args.Add(Path.GetFullPath(options.Kernel));
            if (!string.IsNullOrWhiteSpace(options.Initrd))
            {
                args.Add("-initrd");
                args.Add(Path.GetFullPath(options.Initrd));
            }

            args.Add("-append");
            args.Add(KernelCommandLine(spec, options));
        }

        return args;
    }

    /// <summary>The base command line, then <c>cp.ipN=</c>/<c>cp.gwN=</c> per NIC (N = NIC order), then the VM's KernelArgs.</summary>
    public static string KernelCommandLine(DesiredVm spec, QemuOptions options)
    {
        var parts = new List<string> { options.KernelCommandLine };
        for (var n = 0; n < spec.Nics.Count; n++)
        {
            var nic = spec.Nics[n];
            if (!string.IsNullOrWhiteSpace(nic.IpAddress))
            {
                parts.Add($"cp.ip{n}={nic.IpAddress}");
            }

            if (!string.IsNullOrWhiteSpace(nic.Gateway))
            {
                parts.Add($"cp.gw{n}={nic.Gateway}");
            }
        }

        if (!string.IsNullOrWhiteSpace(spec.KernelArgs))
        {
            parts.Add(spec.KernelArgs);
        }

        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    public static string NetdevArgument(DesiredNic nic) =>
        $"tap,id={NetdevId(nic.Id)},ifname={TapNames.For(nic.Id)},script=no,downscript=no,vhost=off";

    public static string Port(int index) => "rp" + index.ToString(CultureInfo.InvariantCulture);

    public static string NetdevId(Guid nicId) => "net-" + nicId.ToString("N");

    public static string NicDeviceId(Guid nicId) => "nic-" + nicId.ToString("N");

    public static string DiskDeviceId(Guid diskId) => "disk-" + diskId.ToString("N");

    /// <summary>Block node names are limited to 31 characters.</summary>
    public static string DiskNodeName(Guid diskId) => "drv" + diskId.ToString("N")[..24];

    /// <summary>QEMU option values double their commas.</summary>
    private static string Escape(string value) => value.Replace(",", ",,", StringComparison.Ordinal);
}
