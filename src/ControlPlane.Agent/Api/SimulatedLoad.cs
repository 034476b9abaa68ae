namespace ControlPlane.Agent.Api;

/// <summary>Body of <c>PUT /v1/simulation/vms/{vmId}/load</c>: the VM's CPU load, 0..100 % of each vCPU.</summary>
internal sealed record SimulatedLoad(double CpuPercent);
