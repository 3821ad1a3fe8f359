using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.Assessments.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AttemptNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_UserId_CourseId_QuizId",
                table: "QuizAttempts");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "QuizAttempts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing tries are numbered in the order they were sent, so the unique index holds and the limit counts them.
            migrationBuilder.Sql("""
                UPDATE "QuizAttempts" SET "Number" = numbered."Number"
                FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "UserId", "CourseId", "QuizId" ORDER BY "SubmittedUtc", "Id") AS "Number"
                      FROM "QuizAttempts") AS numbered
                WHERE "QuizAttempts"."Id" = numbered."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_UserId_CourseId_QuizId_Number",
                table: "QuizAttempts",
                columns: new[] { "UserId", "CourseId", "QuizId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_UserId_CourseId_QuizId_Number",
                table: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "QuizAttempts");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_UserId_CourseId_QuizId",
                table: "QuizAttempts",
                columns: new[] { "UserId", "CourseId", "QuizId" });
        }
    }
}
