namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>A host command exited non-zero (or could not start); carries the command line and its stderr.</summary>
internal sealed class CommandFailedException : Exception
{
    public CommandFailedException(string commandLine, int exitCode, string standardError)
        : base($"'{commandLine}' failed (exit {exitCode}): {standardError.Trim()}")
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    public CommandFailedException()
        : this(string.Empty, -1, string.Empty)
    {
    }

    public CommandFailedException(string message)
        : this(message, -1, string.Empty)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        CommandLine = message;
        StandardError = string.Empty;
    }

    public string CommandLine { get; } = string.Empty;
    public int ExitCode { get; } = -1;
    public string StandardError { get; } = string.Empty;
}
