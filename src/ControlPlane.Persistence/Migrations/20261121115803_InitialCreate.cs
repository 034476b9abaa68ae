using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    VcpuAllocationRatio = table.Column<double>(type: "REAL", nullable: false),
                    CpuBaseline = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Hosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AgentUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AgentToken = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    HostTokenHash = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CpuCores = table.Column<int>(type: "INTEGER", nullable: false),
                    MemoryMiB = table.Column<int>(type: "INTEGER", nullable: false),
                    CpuModel = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Gpus = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    Driver = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsReachable = table.Column<bool>(type: "INTEGER", nullable: false),
                    InMaintenance = table.Column<bool>(type: "INTEGER", nullable: false),
                    DesiredGeneration = table.Column<long>(type: "INTEGER", nullable: false),
                    DeliveredGeneration = table.Column<long>(type: "INTEGER", nullable: false),
                    ObservedGeneration = table.Column<long>(type: "INTEGER", nullable: false),
                    LastDeliveryAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastDeliveryError = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastHeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsageCpuPercent = table.Column<double>(type: "REAL", nullable: false),
                    UsageMemoryUsedMiB = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subnets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SubnetType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subnets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProgressPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ParentTaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwaitedState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AwaitedHostGeneration = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeadlineAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Vcpus = table.Column<int>(type: "INTEGER", nullable: false),
                    MemoryMiB = table.Column<int>(type: "INTEGER", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    MemoryOvercommit = table.Column<bool>(type: "INTEGER", nullable: false),
                    VtpmEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CpuModel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    KernelArgs = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    GenerationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PowerState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ShutdownMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResetCounter = table.Column<long>(type: "INTEGER", nullable: false),
                    RebootCounter = table.Column<long>(type: "INTEGER", nullable: false),
                    HostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObservedState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ObservedHostId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObservedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ObservedError = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    ObservedCpuPercent = table.Column<double>(type: "REAL", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VmDisks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SizeGiB = table.Column<int>(type: "INTEGER", nullable: false),
                    ImageId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VmId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VmDisks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VmDisks_Vms_VmId",
                        column: x => x.VmId,
                        principalTable: "Vms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VmNics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubnetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VlanMode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrunkedVlans = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    MacAddress = table.Column<string>(type: "TEXT", maxLength: 17, nullable: false),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    VmId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VmNics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VmNics_Vms_VmId",
                        column: x => x.VmId,
                        principalTable: "Vms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Clusters",
                columns: new[] { "Id", "CpuBaseline", "Name", "VcpuAllocationRatio", "Version" },
                values: new object[] { new Guid("00000000-0000-0000-0000-000000000001"), null, "default", 4.0, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_HostTokenHash",
                table: "Hosts",
                column: "HostTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_Hosts_Name",
                table: "Hosts",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subnets_Name",
                table: "Subnets",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CreatedAt",
                table: "Tasks",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Status_EntityId",
                table: "Tasks",
                columns: new[] { "Status", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_VmDisks_VmId",
                table: "VmDisks",
                column: "VmId");

            migrationBuilder.CreateIndex(
                name: "IX_VmNics_MacAddress",
                table: "VmNics",
                column: "MacAddress",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VmNics_VmId",
                table: "VmNics",
                column: "VmId");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_HostId",
                table: "Vms",
                column: "HostId");

            migrationBuilder.CreateIndex(
                name: "IX_Vms_Name",
                table: "Vms",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Clusters");

            migrationBuilder.DropTable(
                name: "Hosts");

            migrationBuilder.DropTable(
                name: "Subnets");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "VmDisks");

            migrationBuilder.DropTable(
                name: "VmNics");

            migrationBuilder.DropTable(
                name: "Vms");
        }
    }
}
