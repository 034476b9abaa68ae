using ControlPlane.Application.Dispatch;

namespace ControlPlane.Api.Tests.Hosts;

/// <summary>Whole-state pushes to a host are spaced by how many VMs they carry, so a big host's push traffic stays bounded.</summary>
public sealed class PushPacingTests
{
    [Theory]
    [InlineData(0, 200)]
    [InlineData(100, 300)]
    [InlineData(1000, 1200)]
    public void ThePushInterval_GrowsWithTheVmsTheLastPushCarried(int vms, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), new DispatchOptions().PushIntervalAfter(vms));

    [Fact]
    public void WithNoPerVmSpacing_ThePushIntervalIsTheMinimum() =>
        Assert.Equal(TimeSpan.FromSeconds(0.5), new DispatchOptions { MinPushIntervalSeconds = 0.5, PushIntervalPerVmMilliseconds = 0 }.PushIntervalAfter(5000));
}
