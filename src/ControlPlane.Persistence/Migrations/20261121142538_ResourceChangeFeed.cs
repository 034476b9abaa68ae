using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ControlPlane.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ResourceChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ResourceChanges",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceChanges", x => x.Sequence);
                });

            // Every write to a VM, its NICs and disks, or a host leaves its id in the feed, in the same transaction,
            // whichever code path (tracked entities, set-based updates, raw SQL) made it.
            foreach (var (table, trigger, kind, id) in Watched)
            {
                migrationBuilder.Sql($"CREATE TRIGGER {trigger}_Inserted AFTER INSERT ON {table} BEGIN INSERT INTO ResourceChanges (Kind, EntityId) VALUES ('{kind}', NEW.{id}); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {trigger}_Updated AFTER UPDATE ON {table} BEGIN INSERT INTO ResourceChanges (Kind, EntityId) VALUES ('{kind}', NEW.{id}); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {trigger}_Deleted AFTER DELETE ON {table} BEGIN INSERT INTO ResourceChanges (Kind, EntityId) VALUES ('{kind}', OLD.{id}); END;");
            }
        }

        private static readonly (string Table, string Trigger, string Kind, string Id)[] Watched =
        [
            ("Vms", "Vms_Changed", "vm", "Id"),
            ("VmNics", "VmNics_Changed", "vm", "VmId"),
            ("VmDisks", "VmDisks_Changed", "vm", "VmId"),
            ("Hosts", "Hosts_Changed", "host", "Id"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (_, trigger, _, _) in Watched)
            {
                migrationBuilder.Sql($"DROP TRIGGER {trigger}_Inserted;");
                migrationBuilder.Sql($"DROP TRIGGER {trigger}_Updated;");
                migrationBuilder.Sql($"DROP TRIGGER {trigger}_Deleted;");
            }
            migrationBuilder.DropTable(
                name: "ResourceChanges");
        }
    }
}
