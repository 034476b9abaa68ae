namespace ControlPlane.Domain.Common;

/// <summary>A strongly typed identifier over a <see cref="Guid"/>; keeps a VmId from being passed as a HostId.</summary>
public interface ITypedId
{
    Guid Value { get; }
}

public readonly record struct ClusterId(Guid Value) : ITypedId
{
    /// <summary>The single cluster this control plane manages today (seeded by the first migration).</summary>
    public static readonly ClusterId Default = new(Guid.Parse("00000000-0000-0000-0000-000000000001"));
    public override string ToString() => Value.ToString();
}

public readonly record struct HostId(Guid Value) : ITypedId
{
    public override string ToString() => Value.ToString();
}

public readonly record struct VmId(Guid Value) : ITypedId
{
    public override string ToString() => Value.ToString();
}

public readonly record struct TaskId(Guid Value) : ITypedId
{
    public override string ToString() => Value.ToString();
}

public readonly record struct SubnetId(Guid Value) : ITypedId
{
    public override string ToString() => Value.ToString();
}
