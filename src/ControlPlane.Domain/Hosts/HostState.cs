namespace ControlPlane.Domain.Hosts;

public enum HostState { Connected, Unreachable, Maintenance }
