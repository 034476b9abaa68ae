using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Application.Vms;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace ControlPlane.Api.Tests.Reliability;

/// <summary>The load benchmark's profile showed validators rebuilt (and their rule expressions compiled) on every request.</summary>
public sealed class ValidatorLifetimeTests : IDisposable
{
    private readonly ControlPlaneFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void Validators_AcrossRequestScopes_AreBuiltOnce()
    {
        using var first = _factory.Services.CreateScope();
        using var second = _factory.Services.CreateScope();

        Assert.Same(
            first.ServiceProvider.GetServices<IValidator<CreateVm.Command>>().Single(),
            second.ServiceProvider.GetServices<IValidator<CreateVm.Command>>().Single());
    }
}
