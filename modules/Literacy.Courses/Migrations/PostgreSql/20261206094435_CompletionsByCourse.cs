using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Literacy.Courses.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CompletionsByCourse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId_CompletedUtc",
                table: "Enrolments",
                columns: new[] { "CourseId", "CompletedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CourseId_CompletedUtc",
                table: "Enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CourseId",
                table: "Enrolments",
                column: "CourseId");
        }
    }
}
