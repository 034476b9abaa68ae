namespace ControlPlane.Domain.Scheduling.Planning;

public enum PlanIssueKind { NotEnoughResources, NotEnoughHosts, ConflictingPolicy, HaGuaranteeBroken }
