using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.CreditBank.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
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

            migrationBuilder.CreateTable(
                name: "CertificationUnits",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionZh = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Competencies = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Credits = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    MinScore = table.Column<double>(type: "REAL", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversionRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AchievementId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversionRules", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "LearningAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Credits = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecognitionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Jwt = table.Column<string>(type: "TEXT", nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CredentialId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AchievementId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AchievementName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreditsClaimed = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedUnitId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecognitionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublicJwk = table.Column<string>(type: "TEXT", nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "TrustedIssuers",
                columns: table => new
                {
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Jwks = table.Column<string>(type: "TEXT", nullable: false),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrustedIssuers", x => x.IssuerId);
                });

            migrationBuilder.CreateTable(
                name: "Credentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LedgerEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Jwt = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Credentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Credentials_LedgerEntries_LedgerEntryId",
                        column: x => x.LedgerEntryId,
                        principalTable: "LedgerEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttendedClasses_UserId",
                table: "AttendedClasses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversionRules_IssuerId_AchievementId",
                table: "ConversionRules",
                columns: new[] { "IssuerId", "AchievementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_AccountId",
                table: "Credentials",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_LedgerEntryId",
                table: "Credentials",
                column: "LedgerEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Credentials_StatusIndex",
                table: "Credentials",
                column: "StatusIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LearningAccounts_UserId",
                table: "LearningAccounts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AccountId_Sequence",
                table: "LedgerEntries",
                columns: new[] { "AccountId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_AccountId_SourceId",
                table: "LedgerEntries",
                columns: new[] { "AccountId", "SourceId" },
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
                name: "AttendedClasses");

            migrationBuilder.DropTable(
                name: "CertificationUnits");

            migrationBuilder.DropTable(
                name: "ConversionRules");

            migrationBuilder.DropTable(
                name: "Credentials");

            migrationBuilder.DropTable(
                name: "FrameworkAreas");

            migrationBuilder.DropTable(
                name: "FrameworkCompetencies");

            migrationBuilder.DropTable(
                name: "FrameworkLevels");

            migrationBuilder.DropTable(
                name: "LearningAccounts");

            migrationBuilder.DropTable(
                name: "RecognitionRequests");

            migrationBuilder.DropTable(
                name: "SigningKeys");

            migrationBuilder.DropTable(
                name: "TrustedIssuers");

            migrationBuilder.DropTable(
                name: "LedgerEntries");
        }
    }
}
