using System.Diagnostics;

namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>
/// Runs host commands (qemu-img, ip, ovs-vsctl, qemu itself with -daemonize), capturing stdout and
/// stderr, and throws <see cref="CommandFailedException"/> with the command line and stderr when the
/// exit code is not zero. With a network namespace set, every command runs through <c>ip netns exec</c>,
/// so one test process can drive several test hosts.
/// </summary>
internal sealed class CommandRunner(string? networkNamespace = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public string? NetworkNamespace { get; } = string.IsNullOrWhiteSpace(networkNamespace) ? null : networkNamespace;

    public async Task<string> RunAsync(
        string file,
        IReadOnlyList<string> args,
        CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var result = await TryRunAsync(file, args, ct, environment, timeout);
        if (result.ExitCode != 0)
        {
            throw new CommandFailedException(result.CommandLine, result.ExitCode, result.StandardError);
        }

        return result.StandardOutput;
    }

    public async Task<CommandResult> TryRunAsync(
        string file,
        IReadOnlyList<string> args,
        CancellationToken ct,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (NetworkNamespace is null)
        {
            psi.FileName = file;
        }
        else
        {
            psi.FileName = "ip";
            psi.ArgumentList.Add("netns");
            psi.ArgumentList.Add("exec");
            psi.ArgumentList.Add(NetworkNamespace);
            psi.ArgumentList.Add(file);
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        var commandLine = file + " " + string.Join(' ', args);
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CommandFailedException(commandLine, -1, e.Message);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new CommandFailedException(commandLine, -1, "timed out after " + (timeout ?? DefaultTimeout));
        }

        return new CommandResult(commandLine, process.ExitCode, await stdout, await stderr);
    }
}
