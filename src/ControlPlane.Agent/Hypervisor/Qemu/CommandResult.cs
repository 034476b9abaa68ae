namespace ControlPlane.Agent.Hypervisor.Qemu;

internal sealed record CommandResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError);
