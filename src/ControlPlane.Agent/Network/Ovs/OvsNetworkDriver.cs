using System.Globalization;
using System.Text.Json;
using ControlPlane.Agent.Hypervisor.Qemu;
using ControlPlane.Contracts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Agent.Network.Ovs;

/// <summary>
/// Open vSwitch with the userspace datapath: per host a bridge (br0, <c>datapath_type=netdev</c>)
/// with an uplink bond (br0-up) and the host's address on its internal port; per VM NIC a persistent
/// tap added as a port in access or trunk mode, tagged with the NIC and VM ids so stale ports can be
/// pruned. Starts the host's own ovsdb-server/ovs-vswitchd when they are not running.
/// </summary>
internal sealed class OvsNetworkDriver : INetworkDriver, IDisposable
{
    private const string NicIdKey = "cp-nic-id";
    private const string VmIdKey = "cp-vm-id";

    private readonly OvsOptions _options;
    private readonly OvsCtl _ctl;
    private readonly OvsDaemons _daemons;
    private readonly ILogger<OvsNetworkDriver> _logger;
    private string _bridge = new HostNetworkSpec().BridgeName;
    private int _mtu = new HostNetworkSpec().Mtu;

    public OvsNetworkDriver(IOptions<OvsOptions> options, ILogger<OvsNetworkDriver> logger)
    {
        _options = options.Value;
        _logger = logger;
        _ctl = new OvsCtl(_options, new CommandRunner(_options.NetworkNamespace));
        _daemons = new OvsDaemons(_options, _ctl, logger);
    }

    public string Name => "ovs";

    /// <summary>Path of the vswitchd control socket, for <c>ovs-appctl -t</c> (bond/show and friends).</summary>
    public string ControlSocket => _ctl.VswitchdControl;

    public string DatabaseSocket => _ctl.DbSocket;

    public void Dispose() => _daemons.Dispose();

    public async Task EnsureHostAsync(HostNetworkSpec spec, CancellationToken ct)
    {
        await _daemons.EnsureAsync(ct);
        _bridge = spec.BridgeName;
        _mtu = spec.Mtu;
        var mtu = spec.Mtu.ToString(CultureInfo.InvariantCulture);
        await _ctl.VsctlAsync(["--may-exist", "add-br", spec.BridgeName, "--", "set", "bridge", spec.BridgeName, "datapath_type=netdev"], ct);

        var uplinks = _options.Uplinks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        foreach (var uplink in uplinks)
        {
            await _ctl.IpAsync(["link", "set", "dev", uplink, "mtu", mtu, "up"], ct);
        }

        if (uplinks.Count >= 2)
        {
            await EnsureBondAsync(spec, uplinks, ct);
        }
        else if (uplinks.Count == 1)
        {
            await _ctl.VsctlAsync(["--may-exist", "add-port", spec.BridgeName, uplinks[0]], ct);
        }

        await _ctl.VsctlAsync(["set", "interface", spec.BridgeName, "mtu_request=" + mtu], ct);
        await _ctl.IpAsync(["link", "set", "dev", spec.BridgeName, "up"], ct);
        if (!string.IsNullOrWhiteSpace(_options.HostAddress))
        {
            await _ctl.IpAsync(["addr", "replace", _options.HostAddress, "dev", spec.BridgeName], ct);
        }

        OvsLog.HostReady(_logger, spec.BridgeName, spec.BondName, BondModeName(spec.BondMode), string.Join(',', uplinks));
    }

    public async Task<string> EnsureVmPortAsync(Guid vmId, DesiredNic nic, CancellationToken ct)
    {
        await _daemons.EnsureAsync(ct);
        var tap = TapNames.For(nic.Id);
        if (!await _ctl.LinkExistsAsync(tap, ct))
        {
            await _ctl.IpAsync(["tuntap", "add", "dev", tap, "mode", "tap"], ct);
        }

        await _ctl.IpAsync(["link", "set", "dev", tap, "mtu", _mtu.ToString(CultureInfo.InvariantCulture), "up"], ct);
        await _ctl.VsctlAsync(
        [
            "--may-exist", "add-port", _bridge, tap, "--", "set", "port", tap,
            .. PortVlanSettings.For(nic),
            $"external_ids:{NicIdKey}={nic.Id}",
            $"external_ids:{VmIdKey}={vmId}",
        ], ct);
        OvsLog.PortReady(_logger, tap, nic.Id, vmId, PortVlanSettings.Describe(nic));
        return tap;
    }

    public async Task RemoveVmPortAsync(Guid vmId, Guid nicId, CancellationToken ct)
    {
        var tap = TapNames.For(nicId);
        await _ctl.VsctlAsync(["--if-exists", "del-port", tap], ct);
        if (await _ctl.LinkExistsAsync(tap, ct))
        {
            await _ctl.Runner.TryRunAsync("ip", ["tuntap", "del", "dev", tap, "mode", "tap"], ct);
        }

        OvsLog.PortRemoved(_logger, tap, nicId);
    }

    public async Task PruneAsync(IReadOnlySet<Guid> desiredNicIds, CancellationToken ct)
    {
        await _daemons.EnsureAsync(ct);
        foreach (var (nicId, vmId) in await ListVmPortsAsync(ct))
        {
            if (!desiredNicIds.Contains(nicId))
            {
                await RemoveVmPortAsync(vmId, nicId, ct);
            }
        }
    }

    /// <summary>The NIC ports this agent created, from their external ids.</summary>
    public async Task<IReadOnlyList<(Guid NicId, Guid VmId)>> ListVmPortsAsync(CancellationToken ct)
    {
        var json = await _ctl.VsctlAsync(["--format=json", "--columns=name,external_ids", "list", "Port"], ct);
        using var doc = JsonDocument.Parse(json);
        var result = new List<(Guid, Guid)>();
        foreach (var row in doc.RootElement.GetProperty("data").EnumerateArray())
        {
            var ids = row[1][1].EnumerateArray().ToDictionary(p => p[0].GetString() ?? string.Empty, p => p[1].GetString());
            if (ids.TryGetValue(NicIdKey, out var nic) && Guid.TryParse(nic, out var nicId))
            {
                result.Add((nicId, ids.TryGetValue(VmIdKey, out var vm) && Guid.TryParse(vm, out var vmId) ? vmId : Guid.Empty));
            }
        }

        return result;
    }

    private async Task EnsureBondAsync(HostNetworkSpec spec, List<string> uplinks, CancellationToken ct)
    {
        var add = await _ctl.TryVsctlAsync(["--may-exist", "add-bond", spec.BridgeName, spec.BondName, .. uplinks], ct);
        if (add.ExitCode != 0)
        {
            // The bond exists with other members: rebuild it.
            await _ctl.VsctlAsync(["--if-exists", "del-port", spec.BondName, "--", "add-bond", spec.BridgeName, spec.BondName, .. uplinks], ct);
        }

        var lacp = spec.BondMode == BondMode.BalanceTcp ? "active" : "off";
        await _ctl.VsctlAsync(
        [
            "set", "port", spec.BondName, "bond_mode=" + BondModeName(spec.BondMode), "lacp=" + lacp,
            "other_config:bond-detect-mode=carrier", "other_config:lacp-fallback-ab=true",
            "vlan_mode=trunk", "trunks=[]", "tag=[]",
        ], ct);
        foreach (var uplink in uplinks)
        {
            await _ctl.VsctlAsync(["set", "interface", uplink, "mtu_request=" + spec.Mtu.ToString(CultureInfo.InvariantCulture)], ct);
        }
    }

    private static string BondModeName(BondMode mode) => mode switch
    {
        BondMode.BalanceSlb => "balance-slb",
        BondMode.BalanceTcp => "balance-tcp",
        _ => "active-backup",
    };
}
