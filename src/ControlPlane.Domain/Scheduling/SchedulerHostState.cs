namespace ControlPlane.Domain.Scheduling;

public enum SchedulerHostState { Connected, Unreachable, Maintenance }
