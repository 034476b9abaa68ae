namespace ControlPlane.EndToEnd.Tests.RealHost;

/// <summary>The real-host end-to-end tests share one cluster and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class RealHostClusterDefinition : ICollectionFixture<RealHostClusterFixture>
{
    public const string Name = "Real hosts";
}
