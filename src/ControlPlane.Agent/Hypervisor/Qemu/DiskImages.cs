using System.Globalization;
using System.Text.Json;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Creates a VM's qcow2 disk files (optionally backed by a source image) with qemu-img.</summary>
internal sealed class DiskImages(QemuOptions options, CommandRunner runner)
{
    public async Task EnsureAsync(VmPaths paths, DesiredDisk disk, CancellationToken ct)
    {
        var path = paths.Disk(disk.Id);
        if (File.Exists(path))
        {
            return;
        }

        var args = new List<string> { "create", "-q", "-f", "qcow2" };
        if (!string.IsNullOrWhiteSpace(disk.SourceImage))
        {
            var info = await runner.RunAsync(options.ImageTool, ["info", "--output=json", disk.SourceImage], ct);
            using var doc = JsonDocument.Parse(info);
            args.AddRange(["-b", Path.GetFullPath(disk.SourceImage), "-F", doc.RootElement.GetProperty("format").GetString() ?? "raw"]);
        }

        var tmp = path + ".tmp";
        args.Add(tmp);
        args.Add(disk.SizeGiB.ToString(CultureInfo.InvariantCulture) + "G");
        await runner.RunAsync(options.ImageTool, args, ct);
        File.Move(tmp, path);
    }
}
