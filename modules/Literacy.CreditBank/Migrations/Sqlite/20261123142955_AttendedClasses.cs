using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.CreditBank.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AttendedClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AttendedClasses",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendedClasses", x => x.EventId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendedClasses_UserId",
                table: "AttendedClasses",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendedClasses");
        }
    }
}
