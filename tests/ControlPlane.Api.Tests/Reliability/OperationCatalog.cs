namespace ControlPlane.Api.Tests.Reliability;

/// <summary>
/// What the reliability tests know about each operation of the spec. A new operation in the spec fails
/// the contract walk until it is taught here, so every endpoint is walked and fuzzed.
/// </summary>
internal static class OperationCatalog
{
    private static readonly BodyTemplate VmBody = new(
        w => $$"""
        {"name":"fz-vm","vcpus":1,"memoryMiB":256,"categories":{"app":"web"},
         "nics":[{"subnetId":"{{w.SubnetFree}}","vlanMode":"ACCESS","ipAddress":"10.0.0.5/24","macAddress":"52:54:00:aa:bb:cc"},
                 {"vlanId":300,"vlanMode":"TRUNK","trunkedVlans":[301,302]}],
         "disks":[{"sizeGiB":10}],"memoryOvercommit":false,"vtpmEnabled":false,"cpuModel":"host","powerState":"ON","kernelArgs":"console=ttyS0"}
        """,
        ["name", "vcpus", "memoryMiB", "nics[0].subnetId", "nics[1].vlanId", "disks[0].sizeGiB"])
    {
        OpenMaps = ["categories"],
    };

    private static readonly BodyTemplate HostAffinityBody = new(
        _ => """{"name":"fz-pinned","vmCategories":[{"key":"fz","value":"pinned"}],"hostCategories":[{"key":"rack","value":"a"}]}""",
        ["name", "vmCategories", "hostCategories"]);

    private static readonly BodyTemplate GroupBody = new(
        _ => """{"name":"fz-group","categories":[{"key":"fz","value":"group"}],"enforcement":"SHOULD"}""",
        ["name", "categories"]);

    public static IReadOnlyDictionary<string, OperationRecipe> Recipes { get; } = new Dictionary<string, OperationRecipe>(Scheduling())
    {
        ["ListApiKeys"] = new(Caller.Admin, Entity.None, Mutates: false),
        ["CreateApiKey"] = new(Caller.Admin, Entity.None, Mutates: true)
        {
            Body = new(_ => """{"name":"fz-key","role":"OPERATOR"}""", ["name"]),
        },
        ["RevokeApiKey"] = new(Caller.Admin, Entity.ApiKey, Mutates: true),
        ["ListAudits"] = new(Caller.Admin, Entity.None, Mutates: false),
        ["ListWebhooks"] = new(Caller.Admin, Entity.None, Mutates: false),
        ["CreateWebhook"] = new(Caller.Admin, Entity.None, Mutates: true)
        {
            Body = new(_ => """{"name":"fz-hook","url":"http://127.0.0.1:9/fz","eventTypes":["vm.","host.unreachable"],"secret":"fz-secret-0123456789"}""", ["name", "url"]),
        },
        ["DeleteWebhook"] = new(Caller.Admin, Entity.Webhook, Mutates: true),
        ["ListWebhookDeliveries"] = new(Caller.Admin, Entity.Webhook, Mutates: false),
        ["StreamEvents"] = new(Caller.User, Entity.None, Mutates: false) { Streams = true },
        ["ListClusters"] = new(Caller.User, Entity.None, Mutates: false),
        ["GetCluster"] = new(Caller.User, Entity.Cluster, Mutates: false),
        ["ListHosts"] = new(Caller.User, Entity.None, Mutates: false),
        ["GetHost"] = new(Caller.User, Entity.Host, Mutates: false),
        ["EnterHostMaintenance"] = new(Caller.User, Entity.Host, Mutates: true),
        ["ExitHostMaintenance"] = new(Caller.User, Entity.Host, Mutates: true),
        ["ListVms"] = new(Caller.User, Entity.None, Mutates: false),
        ["CreateVm"] = new(Caller.User, Entity.None, Mutates: true)
        {
            Body = VmBody,
            Conflict = (_, p) => p.WithJson("""{"name":"too-big","vcpus":1,"memoryMiB":4000000}"""),
        },
        ["GetVm"] = new(Caller.User, Entity.Vm, Mutates: false),
        ["UpdateVm"] = new(Caller.User, Entity.Vm, Mutates: true)
        {
            Body = new(_ => """{"name":"fz-renamed","vcpus":2,"memoryMiB":1024,"categories":{"tier":"gold"}}""", ["name", "vcpus", "memoryMiB"])
            {
                OpenMaps = ["categories"],
            },
            Conflict = (_, p) => p.WithJson("""{"name":"world-on","vcpus":2,"memoryMiB":4000000}"""),
        },
        ["DeleteVm"] = new(Caller.User, Entity.Vm, Mutates: true),
        ["VmPowerOn"] = new(Caller.User, Entity.Vm, Mutates: true),
        ["VmPowerOff"] = new(Caller.User, Entity.Vm, Mutates: true),
        ["VmShutdown"] = new(Caller.User, Entity.Vm, Mutates: true),
        ["VmReboot"] = new(Caller.User, Entity.Vm, Mutates: true) { Conflict = StoppedVm },
        ["VmReset"] = new(Caller.User, Entity.Vm, Mutates: true) { Conflict = StoppedVm },
        ["ListSubnets"] = new(Caller.User, Entity.None, Mutates: false),
        ["CreateSubnet"] = new(Caller.User, Entity.None, Mutates: true)
        {
            Body = new(_ => """{"name":"fz-net","subnetType":"VLAN","vlanId":10}""", ["name"]),
            Conflict = (w, p) => p.WithJson($$"""{"name":"{{w.SubnetInUseName}}","vlanId":10}"""),
        },
        ["GetSubnet"] = new(Caller.User, Entity.Subnet, Mutates: false),
        ["DeleteSubnet"] = new(Caller.User, Entity.Subnet, Mutates: true)
        {
            Conflict = (w, p) => p with { Url = $"/api/v1/subnets/{w.SubnetInUse}" },
        },
        ["ListTasks"] = new(Caller.User, Entity.None, Mutates: false),
        ["GetTask"] = new(Caller.User, Entity.Task, Mutates: false),
        ["CancelTask"] = new(Caller.User, Entity.Task, Mutates: true) { Conflict = (_, p) => p },
        ["PreviewPlacement"] = new(Caller.User, Entity.None, Mutates: false) { Body = VmBody },
        ["RegisterHost"] = new(Caller.Join, Entity.None, Mutates: true)
        {
            Body = new(
                _ => """
                {"name":"fz-host","agentUrl":"http://127.0.0.1:9/","agentToken":"fz-agent-token","address":"10.0.0.9",
                 "capacity":{"cpuCores":4,"memoryMiB":4096,"cpuModel":"qemu64","gpus":{"a100":1}}}
                """,
                ["name", "agentUrl", "agentToken", "capacity", "capacity.cpuCores", "capacity.memoryMiB"])
            {
                OpenMaps = ["capacity.gpus"],
                TolerantReader = true,
            },
        },
        ["ReportHostStatus"] = new(Caller.Agent, Entity.Host, Mutates: true)
        {
            Body = new(
                w => $$$"""
                {"schemaVersion":1,"observedGeneration":0,"driver":"simulated",
                 "capacity":{"cpuCores":16,"memoryMiB":65536,"cpuModel":"qemu64","gpus":{}},
                 "usage":{"cpuPercent":1.5,"memoryUsedMiB":100},
                 "vms":[{"id":"{{{w.VmOn}}}","state":"RUNNING","cpuPercent":2.5,"memoryUsedMiB":10,"dirtyRateBytesPerSec":0,"lastError":"none"}]}
                """,
                ["observedGeneration", "capacity", "capacity.cpuCores", "capacity.memoryMiB", "vms[0].id", "vms[0].state"])
            {
                OpenMaps = ["capacity.gpus"],
                Int64Fields = ["observedGeneration", "vms[0].dirtyRateBytesPerSec"],
                TolerantReader = true,
            },
        },
    };

    /// <summary>The scheduler's routes: categories, the three policy kinds, settings and plans.</summary>
    private static Dictionary<string, OperationRecipe> Scheduling()
    {
        var recipes = new Dictionary<string, OperationRecipe>
        {
            ["ListCategories"] = new(Caller.User, Entity.None, Mutates: false),
            ["CreateCategory"] = new(Caller.User, Entity.None, Mutates: true)
            {
                Body = new(_ => """{"key":"fz-env","value":"dev","description":"fuzz"}""", ["key", "value"]),
                Conflict = (_, p) => p.WithJson("""{"key":"world-env","value":"prod"}"""),
            },
            ["DeleteCategory"] = new(Caller.User, Entity.Category, Mutates: true),
            // The body is itself an open map of categories: no field is required and any key is data.
            ["SetHostCategories"] = new(Caller.User, Entity.Host, Mutates: true),
            ["GetSchedulerSettings"] = new(Caller.User, Entity.None, Mutates: false),
            // Every field has a default and none is a string, so the body mutator has nothing to work on.
            ["UpdateSchedulerSettings"] = new(Caller.User, Entity.None, Mutates: true),
            ["ListSchedulerPlans"] = new(Caller.User, Entity.None, Mutates: false),
            ["GetSchedulerPlan"] = new(Caller.User, Entity.Plan, Mutates: false),
        };
        foreach (var (name, entity, body, conflict) in new[]
        {
            ("VmHostAffinityPolicy", Entity.HostAffinityPolicy, HostAffinityBody,
                """{"name":"fz-disjoint","vmCategories":[{"key":"fz","value":"pinned"}],"hostCategories":[{"key":"rack","value":"z"}]}"""),
            ("VmAntiAffinityPolicy", Entity.AntiAffinityPolicy, GroupBody,
                """{"name":"fz-clash","categories":[{"key":"fz","value":"together"}],"enforcement":"MUST"}"""),
            ("VmAffinityPolicy", Entity.AffinityPolicy, GroupBody,
                """{"name":"fz-clash","categories":[{"key":"fz","value":"apart"}],"enforcement":"MUST"}"""),
        })
        {
            recipes["List" + name + "s"] = new(Caller.User, Entity.None, Mutates: false);
            recipes["Create" + name] = new(Caller.User, Entity.None, Mutates: true) { Body = body, Conflict = (_, p) => p.WithJson(conflict) };
            recipes["Get" + name] = new(Caller.User, entity, Mutates: false);
            // A host-affinity policy replaced by itself contradicts nothing, so only the group kinds have a 409 on update.
            recipes["Update" + name] = new(Caller.User, entity, Mutates: true)
            {
                Body = body,
                Conflict = entity == Entity.HostAffinityPolicy ? null : (_, p) => p.WithJson(conflict),
            };
            recipes["Delete" + name] = new(Caller.User, entity, Mutates: true);
            recipes["Get" + name + "Compliance"] = new(Caller.User, entity, Mutates: false);
            recipes["ReEnforce" + name] = new(Caller.User, entity, Mutates: true);
        }
        return recipes;
    }

    private static Probe StoppedVm(World world, Probe probe) =>
        probe with { Url = probe.Url.Replace(world.VmOn.ToString(), world.VmOff.ToString(), StringComparison.Ordinal) };
}
