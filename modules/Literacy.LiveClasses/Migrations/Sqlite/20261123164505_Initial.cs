using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.LiveClasses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LiveClassAttendance",
                columns: table => new
                {
                    ClassId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstJoinedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastLeftUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReportedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveClassAttendance", x => new { x.ClassId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "LiveClasses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CourseId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TrainerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Slides = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveClasses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveClassEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveClassEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveClassSegments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    JoinedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeftUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveClassSegments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LiveClassSignUps",
                columns: table => new
                {
                    ClassId = table.Column<string>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SignedUpUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiveClassSignUps", x => new { x.ClassId, x.UserId });
                    table.ForeignKey(
                        name: "FK_LiveClassSignUps_LiveClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "LiveClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiveClassAttendance_UserId",
                table: "LiveClassAttendance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LiveClasses_StartUtc",
                table: "LiveClasses",
                column: "StartUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LiveClassEvents_ClassId_Sequence",
                table: "LiveClassEvents",
                columns: new[] { "ClassId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiveClassSegments_ClassId_UserId",
                table: "LiveClassSegments",
                columns: new[] { "ClassId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_LiveClassSegments_LeftUtc",
                table: "LiveClassSegments",
                column: "LeftUtc");

            migrationBuilder.CreateIndex(
                name: "IX_LiveClassSignUps_UserId",
                table: "LiveClassSignUps",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiveClassAttendance");

            migrationBuilder.DropTable(
                name: "LiveClassEvents");

            migrationBuilder.DropTable(
                name: "LiveClassSegments");

            migrationBuilder.DropTable(
                name: "LiveClassSignUps");

            migrationBuilder.DropTable(
                name: "LiveClasses");
        }
    }
}
