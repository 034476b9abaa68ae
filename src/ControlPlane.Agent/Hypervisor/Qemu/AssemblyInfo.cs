using System.Runtime.CompilerServices;

// The real-host tests drive the qemu and ovs drivers directly, without the control plane.
[assembly: InternalsVisibleTo("ControlPlane.RealHost.Tests")]
