using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.CreditBank.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Framework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FrameworkAreas",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkAreas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkCompetencies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AreaId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkCompetencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkLevels",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkLevels", x => x.Level);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FrameworkAreas");

            migrationBuilder.DropTable(
                name: "FrameworkCompetencies");

            migrationBuilder.DropTable(
                name: "FrameworkLevels");
        }
    }
}
