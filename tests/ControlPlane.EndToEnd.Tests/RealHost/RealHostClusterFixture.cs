using ControlPlane.EndToEnd.Tests.Infrastructure;
using ControlPlane.RealHost.Tests;

namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>
/// One control plane and two test hosts (prefix cpe2e) running qemu/ovs agents, shared by the real-host
/// end-to-end tests; each test creates its own VMs and deletes them. Nothing starts when prerequisites are
/// missing: each test then fails (or, with CONTROLPLANE_SKIP_REALHOST=1, says it did not run).
/// </summary>
public sealed class RealHostClusterFixture : IAsyncLifetime
{
    private const int Hosts = 2;
    private Cluster? _cluster;

    internal Cluster Cluster => _cluster ?? throw new InvalidOperationException("the real-host cluster did not start");

    public async Task InitializeAsync()
    {
        if (RealHostEnvironment.Missing() is not null)
        {
            return;
        }

        _cluster = await Cluster.StartOnTestHostsAsync("cpe2e", Hosts);
        await Poll.UntilAsync(_cluster.HostsAsync, hosts => hosts.Count == Hosts && hosts.All(h => (string)h!["state"]! == "CONNECTED"),
            TimeSpan.FromSeconds(60), "both test hosts CONNECTED");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
