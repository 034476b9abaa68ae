using ControlPlane.Application.Hosts;
using ControlPlane.Domain.Hosts;

namespace ControlPlane.Application.Views;

/// <summary>A host as last committed, with what its VMs reserve, and its API body already serialized.</summary>
public sealed class HostView
{
    private HostView(Host host, AllocatedResponse allocated)
    {
        Host = host;
        Allocated = allocated;
        Json = Common.ApiJson.Serialize(HostResponse.From(host, allocated));
    }

    /// <summary>A detached snapshot, never changed after it was read.</summary>
    public Host Host { get; }

    public Guid Id => Host.Id.Value;
    public string Name => Host.Name;
    public AllocatedResponse Allocated { get; }

    /// <summary>The <see cref="HostResponse"/> as UTF-8 JSON.</summary>
    public byte[] Json { get; }

    public static HostView From(Host host, AllocatedResponse allocated) => new(host, allocated);

    public HostView With(AllocatedResponse allocated) => allocated == Allocated ? this : new(Host, allocated);
}
