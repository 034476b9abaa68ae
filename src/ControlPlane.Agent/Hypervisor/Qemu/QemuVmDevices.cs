using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// NICs and disks of a defined VM (the caller holds its lock): hot-plugged over QMP while QEMU runs, and
/// always recorded in its spec (and the PCIe slot in its state) so the next start or adoption matches.
/// </summary>
internal sealed class QemuVmDevices(QemuProcess process, QemuHotplug hotplug, DiskImages disks)
{
    public async Task AttachNicAsync(QemuVm vm, DesiredNic nic, CancellationToken ct)
    {
        if (vm.Spec.Nics.Any(n => n.Id == nic.Id))
        {
            return;
        }

        if (vm.ProcessAlive)
        {
            var port = await hotplug.AttachNicAsync(vm, await process.QmpAsync(vm, ct), nic, ct);
            vm.Save(vm.State with { Slots = new(vm.State.Slots) { [nic.Id] = port } });
        }

        vm.Save(vm.Spec with { Nics = [.. vm.Spec.Nics, nic] });
    }

    public async Task DetachNicAsync(QemuVm vm, Guid nicId, CancellationToken ct)
    {
        if (vm.ProcessAlive && vm.State.Slots.ContainsKey(nicId))
        {
            await hotplug.DetachNicAsync(vm, await process.QmpAsync(vm, ct), nicId, ct);
            vm.Save(vm.State with { Slots = vm.State.Slots.Where(s => s.Key != nicId).ToDictionary() });
        }

        vm.Save(vm.Spec with { Nics = [.. vm.Spec.Nics.Where(n => n.Id != nicId)] });
    }

    public async Task AttachDiskAsync(QemuVm vm, DesiredDisk disk, CancellationToken ct)
    {
        if (vm.Spec.Disks.Any(d => d.Id == disk.Id))
        {
            return;
        }

        await disks.EnsureAsync(vm.Paths, disk, ct);
        if (vm.ProcessAlive)
        {
            var port = await hotplug.AttachDiskAsync(vm, await process.QmpAsync(vm, ct), disk, ct);
            vm.Save(vm.State with { Slots = new(vm.State.Slots) { [disk.Id] = port } });
        }

        vm.Save(vm.Spec with { Disks = [.. vm.Spec.Disks, disk] });
    }

    public async Task DetachDiskAsync(QemuVm vm, Guid diskId, CancellationToken ct)
    {
        if (vm.ProcessAlive && vm.State.Slots.ContainsKey(diskId))
        {
            await hotplug.DetachDiskAsync(vm, await process.QmpAsync(vm, ct), diskId, ct);
            vm.Save(vm.State with { Slots = vm.State.Slots.Where(s => s.Key != diskId).ToDictionary() });
        }

        vm.Save(vm.Spec with { Disks = [.. vm.Spec.Disks.Where(d => d.Id != diskId)] });
        File.Delete(vm.Paths.Disk(diskId));
    }
}
