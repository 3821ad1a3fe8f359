using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.Insights.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InsightAnswers",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CourseId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    QuizId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Question = table.Column<int>(type: "integer", nullable: false),
                    Right = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightAnswers", x => new { x.UserId, x.CourseId, x.QuizId, x.Question });
                });

            migrationBuilder.CreateTable(
                name: "InsightAttendances",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ClassId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    AttendedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightAttendances", x => new { x.UserId, x.ClassId });
                });

            migrationBuilder.CreateTable(
                name: "InsightAwards",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UnitId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Area = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Credits = table.Column<int>(type: "integer", nullable: false),
                    EarnedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightAwards", x => new { x.UserId, x.UnitId });
                });

            migrationBuilder.CreateTable(
                name: "InsightEnrolments",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CourseId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EnrolledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LessonsDone = table.Column<int>(type: "integer", nullable: false),
                    LastLessonId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightEnrolments", x => new { x.UserId, x.CourseId });
                });

            migrationBuilder.CreateTable(
                name: "InsightLearners",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Region = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OccupationGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    FirstActiveUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightLearners", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "InsightLessons",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CourseId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LessonId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightLessons", x => new { x.UserId, x.CourseId, x.LessonId });
                });

            migrationBuilder.CreateTable(
                name: "InsightReports",
                columns: table => new
                {
                    Month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    WrittenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiguresJson = table.Column<string>(type: "text", nullable: false),
                    SummaryZh = table.Column<string>(type: "text", nullable: false),
                    SummaryEn = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightReports", x => x.Month);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InsightAnswers_CourseId_QuizId_Question_Right",
                table: "InsightAnswers",
                columns: new[] { "CourseId", "QuizId", "Question", "Right" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InsightAnswers");

            migrationBuilder.DropTable(
                name: "InsightAttendances");

            migrationBuilder.DropTable(
                name: "InsightAwards");

            migrationBuilder.DropTable(
                name: "InsightEnrolments");

            migrationBuilder.DropTable(
                name: "InsightLearners");

            migrationBuilder.DropTable(
                name: "InsightLessons");

            migrationBuilder.DropTable(
                name: "InsightReports");
        }
    }
}
