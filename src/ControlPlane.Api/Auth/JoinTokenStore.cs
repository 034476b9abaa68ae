using System.Security.Cryptography;
using System.Text;
using ControlPlane.Api.Configuration;
using ControlPlane.Application.Hosts;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Auth;

/// <summary>The cluster join token: from configuration, or generated once and kept in the data folder.</summary>
internal sealed class JoinTokenStore(IOptions<ControlPlaneOptions> options)
{
    private readonly Lazy<string> _token = new(() => Load(options.Value));

    public string Token => _token.Value;

    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Token));

    private static string Load(ControlPlaneOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.JoinToken))
        {
            return options.JoinToken;
        }
        var path = Path.Combine(options.DataPath, "join-token");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(options.DataPath);
        var token = HostTokens.New();
        File.WriteAllText(path, token);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return token;
    }
}
