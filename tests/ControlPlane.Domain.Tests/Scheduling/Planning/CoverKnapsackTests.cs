using ControlPlane.Domain.Scheduling.Planning;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class CoverKnapsackTests
{
    [Fact]
    public void Solve_RandomItems_MatchesBruteForce()
    {
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var items = Enumerable.Range(0, random.Next(1, 9))
                .Select(_ => ((long)random.Next(1, 400) * 10_000, (long)random.Next(1, 16) * 1024)).ToList();
            var need = (long)random.Next(1, 1200) * 10_000;

            var exact = BruteForce(items, need);
            var solved = CoverKnapsack.Solve(items, need);

            Assert.Equal(exact, solved?.Cost);
            if (solved is { } s)
            {
                Assert.True(s.Chosen.Sum(i => items[i].Item1) >= need);
                Assert.Equal(s.Cost, s.Chosen.Sum(i => items[i].Item2));
            }
        }
    }

    private static long? BruteForce(List<(long Weight, long Cost)> items, long need)
    {
        long? best = null;
        for (var mask = 0; mask < 1 << items.Count; mask++)
        {
            var chosen = Enumerable.Range(0, items.Count).Where(i => (mask & (1 << i)) != 0).ToList();
            if (chosen.Sum(i => items[i].Weight) >= need && (best is null || chosen.Sum(i => items[i].Cost) < best))
            {
                best = chosen.Sum(i => items[i].Cost);
            }
        }
        return best;
    }
}
