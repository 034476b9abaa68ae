namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>One key=value label on a VM or a host.</summary>
public readonly record struct Category(string Key, string Value)
{
    public override string ToString() => $"{Key}={Value}";
}
