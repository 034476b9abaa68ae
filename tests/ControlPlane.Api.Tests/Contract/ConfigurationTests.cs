namespace ControlPlane.Api.Tests.Contract;

public sealed class ConfigurationTests
{
    [Fact]
    public void RootAppsettings_IsCopiedBesideTheApi()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");

        Assert.True(File.Exists(path), "appsettings.json from the repository root must be linked into the API output.");
        Assert.Contains("\"ControlPlane\"", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
