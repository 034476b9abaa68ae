namespace ControlPlane.Domain.Scheduling.Planning;

/// <summary>The sets of k hosts whose joint failure the HA check tries (all of them while there are few).</summary>
internal static class HaSets
{
    private const int MaxSets = 5_000;

    public static IEnumerable<int[]> Of(int[] hosts, int k)
    {
        if (k >= hosts.Length)
        {
            yield return hosts;
            yield break;
        }
        var index = Enumerable.Range(0, k).ToArray();
        for (var n = 0; n < MaxSets; n++)
        {
            yield return [.. index.Select(i => hosts[i])];
            var j = k - 1;
            while (j >= 0 && index[j] == hosts.Length - k + j)
            {
                j--;
            }
            if (j < 0)
            {
                yield break;
            }
            index[j]++;
            for (var m = j + 1; m < k; m++)
            {
                index[m] = index[m - 1] + 1;
            }
        }
    }
}
