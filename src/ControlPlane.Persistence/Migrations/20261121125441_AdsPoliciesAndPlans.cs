using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AdsPoliciesAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    VmCategories = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    HostCategories = table.Column<string>(type: "TEXT", maxLength: 8192, nullable: false),
                    Enforcement = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Claims = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchedulerSettings",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CpuThresholdPercent = table.Column<double>(type: "REAL", nullable: false),
                    HotspotWindowSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    BackoffSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    HaHostFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    AdsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnforcementEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulerSettings", x => x.ClusterId);
                });

            migrationBuilder.CreateTable(
                name: "SchedulingPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CostMiB = table.Column<long>(type: "INTEGER", nullable: false),
                    LowerBoundMiB = table.Column<long>(type: "INTEGER", nullable: false),
                    Moves = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: false),
                    Issues = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Violations = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulingPlans", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Categories_Key_Value",
                table: "Categories",
                columns: new[] { "Key", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementPolicies_Kind_Name",
                table: "PlacementPolicies",
                columns: new[] { "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchedulingPlans_CreatedAt",
                table: "SchedulingPlans",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Categories");

            migrationBuilder.DropTable(
                name: "PlacementPolicies");

            migrationBuilder.DropTable(
                name: "SchedulerSettings");

            migrationBuilder.DropTable(
                name: "SchedulingPlans");
        }
    }
}
