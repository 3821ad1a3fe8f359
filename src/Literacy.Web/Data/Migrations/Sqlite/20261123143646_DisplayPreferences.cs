using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisplayPreferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisplayPreferences",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisplayPreferences",
                table: "AspNetUsers");
        }
    }
}
