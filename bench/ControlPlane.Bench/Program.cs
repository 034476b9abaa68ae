Console.WriteLine("ControlPlane benchmarks");
