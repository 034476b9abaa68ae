using ControlPlane.Contracts;
using FluentValidation;

namespace ControlPlane.Application.Hosts;

/// <summary>What an agent may claim its host has, at registration and in every report.</summary>
internal sealed class HostCapacityValidator : AbstractValidator<HostCapacity>
{
    public HostCapacityValidator()
    {
        RuleFor(c => c.CpuCores).InclusiveBetween(1, 4096);
        RuleFor(c => c.MemoryMiB).GreaterThan(0);
        RuleFor(c => c.CpuModel).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Gpus).Must(g => g.Count <= 64 && g.All(kv => kv.Key.Length is > 0 and <= 64 && kv.Value >= 0))
            .WithMessage("At most 64 GPU profiles, named by 1 to 64 characters, with counts of 0 or more.");
    }
}
