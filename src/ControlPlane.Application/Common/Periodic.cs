namespace ControlPlane.Application.Common;

/// <summary>The loop of a background service that does one unit of work per interval.</summary>
internal static class Periodic
{
    /// <summary>
    /// Runs <paramref name="work"/> now and then once per <paramref name="interval"/> until <paramref name="ct"/> is
    /// cancelled. A failed unit goes to <paramref name="failed"/> and the next one runs on time.
    /// </summary>
    public static async Task RunAsync(TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> work, Action<Exception> failed, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await work(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(ct));
    }
}
