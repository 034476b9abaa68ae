namespace ControlPlane.Domain.Scheduling.Policies;

/// <summary>SHOULD rules are kept while resources allow and reported when broken; MUST rules are never broken.</summary>
public enum Enforcement { Should, Must }
