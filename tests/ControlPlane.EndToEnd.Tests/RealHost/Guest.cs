using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlPlane.EndToEnd.Tests.Infrastructure;
using ControlPlane.RealHost.Tests;

namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>
/// A VM created through the API on the test hosts, with what only the host shows: its QEMU process and its
/// serial console (the agent keeps both under its data folder, vms/&lt;id&gt;/).
/// </summary>
internal sealed class Guest
{
    private static readonly TimeSpan TaskTimeout = TimeSpan.FromSeconds(60);
    private readonly Cluster _cluster;
    private readonly string _dir;

    private Guest(Cluster cluster, string id, string hostId, string hostName)
    {
        _cluster = cluster;
        Id = id;
        HostId = hostId;
        HostName = hostName;
        _dir = Path.Combine(cluster.TestHosts!.Bed.HostDir(hostName), "vms", id);
        Serial = new SerialConsole(Path.Combine(_dir, "serial.log"));
    }

    public string Id { get; }
    public string HostId { get; }
    public string HostName { get; }
    public string Url => $"/api/v1/vms/{Id}";
    public SerialConsole Serial { get; }

    /// <summary>The test host's number (1 for cpe2e-h1).</summary>
    public int Host => int.Parse(HostName[(HostName.LastIndexOf('h') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>POST /api/v1/vms with <paramref name="body"/> (see <see cref="Spec"/>); the scheduler picks the host.</summary>
    public static async Task<Guest> CreateAsync(Cluster cluster, object body)
    {
        var response = await cluster.Api.PostAsJsonAsync("/api/v1/vms", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var vm = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var hostId = (string)vm["hostId"]!;
        var host = await cluster.GetAsync($"/api/v1/hosts/{hostId}");
        return new Guest(cluster, (string)vm["id"]!, hostId, (string)host["name"]!);
    }

    /// <summary>A small test guest (1 vCPU, 160 MiB) so several boot at once under TCG on 2 cores.</summary>
    public static object Spec(string name, string? kernelArgs = null, params object[] nics) =>
        new { name, vcpus = 1, memoryMiB = 160, nics, kernelArgs };

    public static object Nic(int vlanId, string? ipAddress = null) => new { vlanId, vlanMode = "ACCESS", ipAddress };

    public static object TrunkNic(int nativeVlan, string ipAddress, params int[] trunkedVlans) =>
        new { vlanId = nativeVlan, vlanMode = "TRUNK", trunkedVlans, ipAddress };

    /// <summary>The QEMU process id from the agent's pidfile, when that process is alive (not a zombie).</summary>
    public int? QemuPid()
    {
        var pidFile = Path.Combine(_dir, "qemu.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }

        return IsAlive(pid) ? pid : null;
    }

    /// <summary>True while <paramref name="pid"/> is a live (not zombie) QEMU process of this VM.</summary>
    public bool IsAlive(int pid) => ProcFsProcess.IsAlive(pid, Id);

    public Task<JsonObject> GetAsync() => _cluster.GetAsync(Url);

    public Task<JsonObject> WaitForObservedAsync(string state, TimeSpan? timeout = null) =>
        Poll.UntilAsync(GetAsync, v => (string)v["observed"]!["state"]! == state, timeout ?? TaskTimeout,
            $"VM {Id} observed {state}; serial:\n{Serial.Tail()}");

    /// <summary>POST $actions/<paramref name="action"/>: 202, then the task it answers with succeeds.</summary>
    public async Task PowerAsync(string action)
    {
        var response = await _cluster.Api.PostAsync($"{Url}/$actions/{action}", null);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {await response.Content.ReadAsStringAsync()}");
        await Poll.UntilAsync(() => _cluster.GetAsync(response.Headers.Location!.ToString()), t => (string)t["status"]! is "SUCCEEDED" or "FAILED",
            TaskTimeout, $"the {action} task to end");
        Assert.Equal("SUCCEEDED", (string)(await _cluster.GetAsync(response.Headers.Location!.ToString()))["status"]!);
    }

    public Task DeleteAsync() => _cluster.Api.DeleteAsync(Url);
}
