using System.Text.Json.Serialization;

namespace ControlPlane.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<VmPowerState>))]
public enum VmPowerState { Off, On, Paused }

[JsonConverter(typeof(JsonStringEnumConverter<ShutdownMode>))]
public enum ShutdownMode { Hard, Graceful }

[JsonConverter(typeof(JsonStringEnumConverter<VlanMode>))]
public enum VlanMode { Access, Trunk }

[JsonConverter(typeof(JsonStringEnumConverter<BondMode>))]
public enum BondMode { ActiveBackup, BalanceSlb, BalanceTcp }

/// <summary>What the agent actually sees of a VM.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ObservedVmState>))]
public enum ObservedVmState { Running, Stopped, Paused, Starting, Stopping, Crashed, Failed, Missing }
