using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// The small per-VM state that must survive an agent restart besides the spec: the agent's intent and
/// which PCIe root port each NIC and disk sits on (hot-plug needs a free port).
/// </summary>
internal sealed record VmStateFile
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public VmIntent Intent { get; init; }
    public int PortCount { get; init; }
    public Dictionary<Guid, int> Slots { get; init; } = [];

    public static VmStateFile Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<VmStateFile>(File.ReadAllText(path), Json) ?? new() : new();

    public void Save(string path) => AtomicFile.Write(path, JsonSerializer.Serialize(this, Json));

    /// <summary>The lowest root port no device occupies, or null when all are taken.</summary>
    public int? FreePort()
    {
        for (var i = 0; i < PortCount; i++)
        {
            if (!Slots.ContainsValue(i))
            {
                return i;
            }
        }

        return null;
    }
}
