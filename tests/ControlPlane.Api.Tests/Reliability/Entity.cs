namespace ControlPlane.Api.Tests.Reliability;

/// <summary>What the <c>{id}</c> of an operation's route names.</summary>
internal enum Entity
{
    None,
    Vm,
    Host,
    Subnet,
    Task,
    ApiKey,
    Cluster,
    Webhook,
    HostAffinityPolicy,
    AntiAffinityPolicy,
    AffinityPolicy,
    Category,
    Plan,
}
