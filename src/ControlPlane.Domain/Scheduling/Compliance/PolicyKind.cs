namespace ControlPlane.Domain.Scheduling.Compliance;

public enum PolicyKind { VmHostAffinity, VmVmAntiAffinity, VmVmAffinity }
