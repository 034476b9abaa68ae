using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class PlanSequencerTests
{
    [Fact]
    public void Sequence_ManyMovesFromOneHost_AtMostTwoPerHostPerWave()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 65536), Build.Host("h2", memoryMiB: 65536), Build.Host("h3", memoryMiB: 65536)],
            [.. Enumerable.Range(0, 5).Select(i => Build.Vm($"v{i}", "h1"))]);
        var moves = Enumerable.Range(0, 5).Select(i => new PlannedMove($"v{i}", "h1", i % 2 == 0 ? "h2" : "h3", 4096, MoveReason.Hotspot)).ToList();

        var waves = PlanSequencer.Sequence(snapshot, moves);

        Assert.Equal(3, waves.Count);
        Assert.All(waves, w => Assert.True(w.Moves.Count(m => m.From == "h1") <= 2));
        Assert.Equal(moves, waves.SelectMany(w => w.Moves));
    }

    [Fact]
    public void Sequence_MoveNeedingRoomFreedByEarlierMove_StartsNextWave()
    {
        var waves = PlanSequencer.Sequence(Build.SeedExample(),
            [new PlannedMove("e1", "h3", "h2", 8192, MoveReason.MakeRoom), new PlannedMove("a", "h1", "h3", 4096, MoveReason.Hotspot)]);

        Assert.Equal([1, 1], waves.Select(w => w.Moves.Count));
    }
}
