using ControlPlane.Application.Hosts;

namespace ControlPlane.Application.Security;

/// <summary>API keys look like <c>cpk_&lt;43 characters&gt;</c>; the first 8 after the prefix name the key in lists.</summary>
public static class ApiKeyTokens
{
    private const string Prefix = "cpk_";

    public static string New() => Prefix + HostTokens.New();

    public static string DisplayPrefix(string key) =>
        key.StartsWith(Prefix, StringComparison.Ordinal) && key.Length >= Prefix.Length + 8 ? key[..(Prefix.Length + 8)] : "custom";

    public static string Hash(string key) => HostTokens.Hash(key);
}
