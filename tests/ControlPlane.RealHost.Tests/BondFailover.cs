namespace ControlPlane.RealHost.Tests;

/// <summary>
/// Bond failover as the acceptance measures it: while a guest pings another on a second host, the active
/// uplink of a host's br0-up goes down; loss counts over the first 50 pings logged from that moment on.
/// </summary>
internal static class BondFailover
{
    public const int Pings = 50;

    public sealed record Result(string Downed, int Lost, string ActiveAfter);

    public static async Task<Result> TakeActiveUplinkDownAsync(TestBed bed, int host, SerialConsole pinger, string target, TimeSpan timeout)
    {
        var active = await bed.ActiveUplinkAsync(host);
        var mark = pinger.Lines().Length;
        await Eventually.HoldsAsync(() => pinger.Pings(target, mark).Count(ok => ok) >= 5, timeout, $"pings to {target} succeeding before failover");
        mark = pinger.Lines().Length;
        await bed.InHostAsync(host, "ip", "link", "set", "dev", active, "down");
        try
        {
            await Eventually.HoldsAsync(() => pinger.Pings(target, mark).Count >= Pings, timeout, $"{Pings} pings to {target} after taking {active} down");
            var lost = pinger.Pings(target, mark).Take(Pings).Count(ok => !ok);
            return new Result(active, lost, await bed.ActiveUplinkAsync(host));
        }
        finally
        {
            await bed.InHostAsync(host, "ip", "link", "set", "dev", active, "up");
        }
    }
}
