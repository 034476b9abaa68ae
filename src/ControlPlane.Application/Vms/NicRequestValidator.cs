using ControlPlane.Domain.Vms;
using FluentValidation;

namespace ControlPlane.Application.Vms;

internal sealed class NicRequestValidator : AbstractValidator<NicRequest>
{
    public NicRequestValidator()
    {
        RuleFor(n => n.VlanMode).IsInEnum();
        RuleFor(n => n.VlanId).InclusiveBetween(0, 4094);
        RuleFor(n => n)
            .Must(n => n.SubnetId is not null || n.VlanId is not null)
            .WithName("subnetId").WithMessage("Name a subnet or a VLAN.");
        RuleFor(n => n.TrunkedVlans)
            .Must(v => v is null || v.Count <= 64).WithMessage("At most 64 trunked VLANs.")
            .Must(v => v is null || v.All(id => id is >= 1 and <= 4094)).WithMessage("Trunked VLANs are 1 to 4094.");
        RuleFor(n => n.TrunkedVlans)
            .Must(v => v is null || v.Count == 0)
            .When(n => n.VlanMode == VlanMode.Access)
            .WithMessage("Only TRUNK NICs carry trunked VLANs.");
        RuleFor(n => n.IpAddress).Must(VmRules.IsCidrAddress).WithMessage("Give an address in CIDR form, e.g. 10.0.0.5/24.");
        RuleFor(n => n.MacAddress).Must(VmRules.IsMacAddress).WithMessage("Give a MAC address like 52:54:00:12:34:56.");
    }
}
