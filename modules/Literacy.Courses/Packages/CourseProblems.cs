using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

/// <summary>Problems this module reports, translated by its own resources.</summary>
internal static class CourseProblems
{
    public static PackageProblem At(string file, int line, string message, params object[] args) =>
        new(file, line, message, args) { Origin = typeof(CoursesModule) };
}
