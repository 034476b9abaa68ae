namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>Writes a file through a temporary sibling and a rename, so a crash never leaves half a file.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string content)
    {
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        File.Move(tmp, path, overwrite: true);
    }
}
