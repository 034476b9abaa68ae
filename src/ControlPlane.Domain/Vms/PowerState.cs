namespace ControlPlane.Domain.Vms;

/// <summary>The power state an operator asked for.</summary>
public enum PowerState { Off, On, Paused }

/// <summary>The state the VM's agent last reported.</summary>
public enum ObservedState { Unknown, Running, Stopped, Paused, Starting, Stopping, Crashed, Failed, Missing }

public enum ShutdownMode { Hard, Graceful }

public enum VlanMode { Access, Trunk }
