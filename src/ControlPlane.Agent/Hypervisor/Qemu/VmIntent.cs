namespace ControlPlane.Agent.Hypervisor.Qemu;

/// <summary>What the agent last asked of a VM; tells a crash (process gone while Running) from a stop.</summary>
internal enum VmIntent
{
    Stopped,
    Running,
}
