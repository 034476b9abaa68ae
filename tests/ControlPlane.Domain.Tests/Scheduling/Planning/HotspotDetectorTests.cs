using ControlPlane.Domain.Scheduling.Hotspots;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class HotspotDetectorTests
{
    private static readonly HotspotDetectorSettings Settings = new();
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static HotspotDetection Observe(HotspotDetectorState state, int minutes, double percent) =>
        HotspotDetector.Observe(state, T0.AddMinutes(minutes), new Dictionary<string, double> { ["h1"] = percent }, Settings);

    [Fact]
    public void Observe_HotForWholeWindow_PlansNow()
    {
        var first = Observe(HotspotDetectorState.Initial, 0, 90);
        var before = Observe(first.State, 14, 90);
        var after = Observe(before.State, 15, 90);

        Assert.False(before.PlanNow);
        Assert.True(after.PlanNow);
        Assert.Equal(["h1"], after.SustainedHosts);
    }

    [Fact]
    public void Observe_DipBelowHysteresisBand_RestartsWindow()
    {
        var hot = Observe(HotspotDetectorState.Initial, 0, 90);
        var dip = Observe(hot.State, 5, 78);
        var back = Observe(dip.State, 15, 90);

        Assert.False(back.PlanNow);
    }

    [Fact]
    public void Observe_DipInsideHysteresisBand_KeepsWindow()
    {
        var hot = Observe(HotspotDetectorState.Initial, 0, 90);
        var dip = Observe(hot.State, 5, 82);
        var back = Observe(dip.State, 15, 90);

        Assert.True(back.PlanNow);
    }

    [Fact]
    public void Observe_AfterPlanStarted_BacksOffThenWaitsForNewWindow()
    {
        var hot = Observe(Observe(HotspotDetectorState.Initial, 0, 90).State, 15, 90);
        var backedOff = HotspotDetector.PlanStarted(hot.State, T0.AddMinutes(15), Settings);

        var during = Observe(backedOff, 40, 90);
        var after = Observe(during.State, 46, 90);

        Assert.True(during.BackingOff);
        Assert.False(during.PlanNow);
        Assert.True(after.PlanNow);
    }
}
