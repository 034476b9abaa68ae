namespace ControlPlane.Domain.Tasks;

public enum OperationStatus { Queued, Running, Succeeded, Failed, Canceled }
