namespace ControlPlane.Domain.Vms;

public sealed class VmDisk
{
    private VmDisk() { }

    public VmDisk(Guid id, int sizeGiB, Guid? imageId)
    {
        Id = id;
        SizeGiB = sizeGiB;
        ImageId = imageId;
    }

    public Guid Id { get; private set; }
    public int SizeGiB { get; private set; }
    public Guid? ImageId { get; private set; }
}
