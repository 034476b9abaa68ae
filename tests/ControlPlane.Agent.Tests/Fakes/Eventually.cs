namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>Polls a condition until it holds or a generous deadline passes; never a fixed sleep.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public static async Task HoldsAsync(Func<bool> condition, string what) =>
        await HoldsAsync(() => Task.FromResult(condition()), what);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(10);
        }
    }
}
