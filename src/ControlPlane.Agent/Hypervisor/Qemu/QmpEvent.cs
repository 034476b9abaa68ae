using System.Text.Json;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>An asynchronous QMP event (STOP, RESUME, SHUTDOWN, POWERDOWN, RESET, DEVICE_DELETED, MIGRATION...).</summary>
internal sealed record QmpEvent(string Name, JsonElement Data, DateTimeOffset Timestamp)
{
    /// <summary>A string member of <see cref="Data"/>, or null.</summary>
    public string? DataString(string property) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
