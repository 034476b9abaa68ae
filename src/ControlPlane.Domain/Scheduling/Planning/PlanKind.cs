namespace ControlPlane.Domain.Scheduling.Planning;

public enum PlanKind { Hotspot, Defragment, PolicyEnforcement, HaReservation, HaRestart, BatchPlacement }
