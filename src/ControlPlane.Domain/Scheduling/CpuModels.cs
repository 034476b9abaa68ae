namespace ControlPlane.Domain.Scheduling;

/// <summary>
/// Named CPU models from least to most capable. A VM that needs one model runs on a host whose model is
/// at least as capable; a model not in the list matches only itself.
/// </summary>
public static class CpuModels
{
    private static readonly string[] Ordered =
    [
        "qemu64", "Nehalem", "SandyBridge", "Haswell", "Broadwell",
        "Skylake-Server", "Cascadelake-Server", "Icelake-Server",
    ];

    public static int Rank(string? model) =>
        string.IsNullOrEmpty(model) ? -1 : Array.FindIndex(Ordered, m => string.Equals(m, model, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when a host of model <paramref name="hostModel"/> can run a VM that needs <paramref name="required"/>.</summary>
    public static bool Satisfies(string hostModel, string? required)
    {
        if (string.IsNullOrEmpty(required))
        {
            return true;
        }
        var (need, have) = (Rank(required), Rank(hostModel));
        return need < 0 || have < 0
            ? string.Equals(hostModel, required, StringComparison.OrdinalIgnoreCase)
            : have >= need;
    }
}
