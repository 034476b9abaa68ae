namespace ControlPlane.Application.Vms;

/// <summary>The power actions of <c>POST /vms/{id}/$actions/{action}</c>.</summary>
public enum VmPowerAction { PowerOn, PowerOff, Shutdown, Reboot, Reset }
