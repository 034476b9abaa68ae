using ControlPlane.Domain.Subnets;

namespace ControlPlane.Application.Subnets;

public sealed record SubnetResponse(Guid Id, string Name, SubnetType SubnetType, int VlanId, long Version)
{
    public static SubnetResponse From(Subnet subnet) => new(subnet.Id.Value, subnet.Name, subnet.SubnetType, subnet.VlanId, subnet.Version);
}
