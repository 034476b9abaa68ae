using System.Text.Json;
using ControlPlane.Contracts;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>The VM's current spec (boot-time spec plus hot-plugged NICs and disks) as JSON next to its disks.</summary>
internal static class SpecFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static DesiredVm? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<DesiredVm>(File.ReadAllText(path), Json) : null;

    public static void Save(string path, DesiredVm spec) => AtomicFile.Write(path, JsonSerializer.Serialize(spec, Json));
}
