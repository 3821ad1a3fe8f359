using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.CreditBank.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CredentialEntry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "FK_Credentials_LedgerEntries_LedgerEntryId",
                table: "Credentials",
                column: "LedgerEntryId",
                principalTable: "LedgerEntries",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Credentials_LedgerEntries_LedgerEntryId",
                table: "Credentials");
        }
    }
}
