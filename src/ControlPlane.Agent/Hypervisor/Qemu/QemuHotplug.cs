using System.Text.Json.Nodes;
using ControlPlane.Agent.Network;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// Hot-plugs and unplugs NICs and disks on a running VM over QMP, each on a free PCIe root port.
/// Unplug waits for the guest to release the device (DEVICE_DELETED) before removing its backend.
/// </summary>
internal sealed class QemuHotplug(ILogger logger)
{
    /// <summary>TCG guests take a second or two to acknowledge a PCIe unplug.</summary>
    public static readonly TimeSpan UnplugTimeout = TimeSpan.FromSeconds(20);

    public async Task<int> AttachNicAsync(QemuVm vm, QmpClient qmp, DesiredNic nic, CancellationToken ct)
    {
        var port = vm.State.FreePort() ?? throw new InvalidOperationException($"VM {vm.Id} has no free PCIe port for NIC {nic.Id}");
        var netdev = QemuCommandLine.NetdevId(nic.Id);
        await qmp.ExecuteAsync("netdev_add", new JsonObject
        {
            ["type"] = "tap",
            ["id"] = netdev,
            ["ifname"] = TapNames.For(nic.Id),
            ["script"] = "no",
            ["downscript"] = "no",
            ["vhost"] = false,
        }, ct);
        try
        {
            await qmp.ExecuteAsync("device_add", new JsonObject
            {
                ["driver"] = "virtio-net-pci",
                ["id"] = QemuCommandLine.NicDeviceId(nic.Id),
                ["netdev"] = netdev,
                ["mac"] = nic.MacAddress,
                ["bus"] = QemuCommandLine.Port(port),
            }, ct);
        }
        catch (QmpException)
        {
            await IgnoreErrors(qmp.ExecuteAsync("netdev_del", new JsonObject { ["id"] = netdev }, ct));
            throw;
        }

        QemuLog.Device(logger, vm.Id, "NIC", QemuCommandLine.NicDeviceId(nic.Id), "attached");
        return port;
    }

    public async Task DetachNicAsync(QemuVm vm, QmpClient qmp, Guid nicId, CancellationToken ct)
    {
        await UnplugAsync(qmp, QemuCommandLine.NicDeviceId(nicId), ct);
        await IgnoreNotFound(qmp.ExecuteAsync("netdev_del", new JsonObject { ["id"] = QemuCommandLine.NetdevId(nicId) }, ct));
        QemuLog.Device(logger, vm.Id, "NIC", QemuCommandLine.NicDeviceId(nicId), "detached");
    }

    public async Task<int> AttachDiskAsync(QemuVm vm, QmpClient qmp, DesiredDisk disk, CancellationToken ct)
    {
        var port = vm.State.FreePort() ?? throw new InvalidOperationException($"VM {vm.Id} has no free PCIe port for disk {disk.Id}");
        var node = QemuCommandLine.DiskNodeName(disk.Id);
        await qmp.ExecuteAsync("blockdev-add", new JsonObject
        {
            ["driver"] = "qcow2",
            ["node-name"] = node,
            ["file"] = new JsonObject { ["driver"] = "file", ["filename"] = vm.Paths.Disk(disk.Id) },
        }, ct);
        try
        {
            await qmp.ExecuteAsync("device_add", new JsonObject
            {
                ["driver"] = "virtio-blk-pci",
                ["id"] = QemuCommandLine.DiskDeviceId(disk.Id),
                ["drive"] = node,
                ["bus"] = QemuCommandLine.Port(port),
            }, ct);
        }
        catch (QmpException)
        {
            await IgnoreErrors(qmp.ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = node }, ct));
            throw;
        }

        QemuLog.Device(logger, vm.Id, "disk", QemuCommandLine.DiskDeviceId(disk.Id), "attached");
        return port;
    }

    public async Task DetachDiskAsync(QemuVm vm, QmpClient qmp, Guid diskId, CancellationToken ct)
    {
        await UnplugAsync(qmp, QemuCommandLine.DiskDeviceId(diskId), ct);
        await IgnoreNotFound(qmp.ExecuteAsync("blockdev-del", new JsonObject { ["node-name"] = QemuCommandLine.DiskNodeName(diskId) }, ct));
        QemuLog.Device(logger, vm.Id, "disk", QemuCommandLine.DiskDeviceId(diskId), "detached");
    }

    private static async Task UnplugAsync(QmpClient qmp, string deviceId, CancellationToken ct)
    {
        var deleted = qmp.WaitForEventAsync("DEVICE_DELETED", e => e.DataString("device") == deviceId, UnplugTimeout, ct);
        try
        {
            await qmp.ExecuteAsync("device_del", new JsonObject { ["id"] = deviceId }, ct);
        }
        catch (QmpException e) when (e.ErrorClass == "DeviceNotFound")
        {
            _ = deleted.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return;
        }

        await deleted;
    }

    private static async Task IgnoreNotFound(Task task)
    {
        try
        {
            await task;
        }
        catch (QmpException e) when (e.ErrorClass is "DeviceNotFound" or "GenericError")
        {
        }
    }

    private static async Task IgnoreErrors(Task task)
    {
        try
        {
            await task;
        }
        catch (QmpException)
        {
        }
    }
}
