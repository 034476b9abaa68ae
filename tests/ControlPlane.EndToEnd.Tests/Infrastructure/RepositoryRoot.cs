using System.Reflection;

namespace ControlPlane.EndToEnd.Tests.Infrastructure;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Debug or Release: the processes under test were built in the same configuration as this assembly.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryRoot).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string Built(string project) =>
        System.IO.Path.Combine(Path, "src", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ControlPlane.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ControlPlane.sln not found above the test output.");
    }
}
