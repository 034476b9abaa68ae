using System.Net;
using System.Text.RegularExpressions;
using FluentValidation;

namespace ControlPlane.Application.Vms;

/// <summary>Shape rules shared by the VM commands.</summary>
internal static partial class VmRules
{
    public const int MaxVcpus = 256;

    /// <summary>AHV's maximum memory per VM, 4.5 TiB.</summary>
    public const int MaxMemoryMiB = 4_718_592;

    public const int MaxNameLength = 80;

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilder<T, string> rule) => rule
        .NotEmpty()
        .MaximumLength(MaxNameLength)
        .Matches(NamePattern()).WithMessage("Use letters, digits, '.', '_' and '-', starting with a letter or digit.");

    public static IRuleBuilderOptions<T, IReadOnlyDictionary<string, string>?> ValidCategories<T>(this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule) => rule
        .Must(c => c is null || c.Count <= 32).WithMessage("At most 32 categories.")
        .Must(c => c is null || c.All(kv => kv.Key.Length is > 0 and <= 64 && kv.Value is { Length: > 0 and <= 64 }))
        .WithMessage("Category keys and values take 1 to 64 characters.");

    public static bool IsCidrAddress(string? value) =>
        value is null || (value.Split('/') is [var ip, var prefix]
            && IPAddress.TryParse(ip, out var address)
            && int.TryParse(prefix, out var length)
            && length >= 0 && length <= (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32));

    public static bool IsMacAddress(string? value) => value is null || MacPattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$")]
    private static partial Regex MacPattern();
}
