namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>
/// Min-cost covering knapsack: the cheapest subset of items whose weights sum to at least a need. Exact by
/// dynamic programming over the weight in hundredths of a core (weights are micro-cores).
/// </summary>
internal static class CoverKnapsack
{
    private const long Step = ClusterState.Micro / 100;

    /// <summary>
    /// The chosen item indices and their cost, or null when all items together fall short. With roundUp, weights
    /// round up (for a lower bound) rather than down (for a plan that surely covers).
    /// </summary>
    public static (long Cost, List<int> Chosen)? Solve(IReadOnlyList<(long Weight, long Cost)> items, long need, bool roundUp = false)
    {
        if (need <= 0)
        {
            return (0, []);
        }
        var target = (int)((need + Step - 1) / Step);
        var best = new long[target + 1];
        Array.Fill(best, long.MaxValue);
        best[0] = 0;
        var from = new int[items.Count, target + 1];
        for (var i = 0; i < items.Count; i++)
        {
            var weight = (int)Math.Min(target, roundUp ? (items[i].Weight + Step - 1) / Step : items[i].Weight / Step);
            for (var w = target; w >= 0; w--)
            {
                from[i, w] = -1;
                if (weight <= 0 || best[w] == long.MaxValue)
                {
                    continue;
                }
                var to = Math.Min(target, w + weight);
                var cost = best[w] + items[i].Cost;
                if (cost < best[to])
                {
                    best[to] = cost;
                    from[i, to] = w;
                }
            }
        }
        if (best[target] == long.MaxValue)
        {
            return null;
        }
        var chosen = new List<int>();
        for (int i = items.Count - 1, w = target; i >= 0 && w > 0; i--)
        {
            if (from[i, w] >= 0)
            {
                chosen.Add(i);
                w = from[i, w];
            }
        }
        return (best[target], chosen);
    }
}
