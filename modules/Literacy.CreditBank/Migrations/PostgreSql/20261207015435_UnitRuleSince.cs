using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.CreditBank.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UnitRuleSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The units a site has already keep paying by their rule as before: since always.
            migrationBuilder.AddColumn<DateTime>(
                name: "RuleSinceUtc",
                table: "CertificationUnits",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RuleSinceUtc",
                table: "CertificationUnits");
        }
    }
}
