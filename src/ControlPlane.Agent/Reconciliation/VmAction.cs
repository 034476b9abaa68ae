namespace ControlPlane.Agent.Reconciliation;

/// <summary>One step of a VM's plan; NIC and disk steps name the device.</summary>
internal sealed record VmAction(VmActionKind Kind, Guid? DeviceId = null)
{
    public override string ToString() => DeviceId is { } id ? $"{Kind}({id})" : Kind.ToString();
}
