using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Literacy.CreditBank.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Recognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversionRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuerId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AchievementId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Jwt = table.Column<string>(type: "text", nullable: false),
                    IssuerId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CredentialId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AchievementId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AchievementName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CreditsClaimed = table.Column<int>(type: "integer", nullable: true),
                    ProposedUnitId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrustedIssuers",
                columns: table => new
                {
                    IssuerId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Jwks = table.Column<string>(type: "text", nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedIssuers", x => x.IssuerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversionRules_IssuerId_AchievementId",
                table: "ConversionRules",
                columns: new[] { "IssuerId", "AchievementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionRequests_IssuerId_CredentialId",
                table: "RecognitionRequests",
                columns: new[] { "IssuerId", "CredentialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionRequests_Status_SubmittedUtc",
                table: "RecognitionRequests",
                columns: new[] { "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RecognitionRequests_UserId",
                table: "RecognitionRequests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversionRules");

            migrationBuilder.DropTable(
                name: "RecognitionRequests");

            migrationBuilder.DropTable(
                name: "TrustedIssuers");
        }
    }
}
