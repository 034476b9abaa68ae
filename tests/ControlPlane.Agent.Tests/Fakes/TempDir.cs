namespace ControlPlane.Agent.Tests.Fakes;

/// <summary>A fresh folder under the system temp folder, deleted on dispose. Paths stay short for unix sockets.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cpa").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
