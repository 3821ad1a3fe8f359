using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthenticatorTimeStep : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AuthenticatorTimeStep",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AuthenticatorTimeStep",
                table: "AspNetUsers");
        }
    }
}
