using Literacy.Assessments.Quizzes;
using Literacy.Courses.Blocks;
using Literacy.Courses.Packages;

using Literacy.Testing;

namespace Literacy.Courses.Tests;

/// <summary>The courses the platform ships pass the same checks as an upload and meet the programme's bar.</summary>
public sealed class BundledCoursesTests
{
    public static TheoryData<string> Courses()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(TestPackage.FrameworkPath)!, "..", "courses"));
        var data = new TheoryData<string>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order())
        {
            data.Add(folder);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Courses))]
    public void Each_bundled_course_is_valid_bilingual_and_has_four_lessons_and_a_quiz(string folder)
    {
        var contents = PackageContents.FromFolder(folder, new PackageLimits());
        var (package, problems) = PackageValidator.Validate(contents,
            new ValidationContext(TestPackage.Framework, [new QuizBlockType(), new VideoBlockType()], null, [], new PackageLimits()));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(["zh-CN", "en"], package!.Manifest.Languages.Order().Reverse());
        Assert.True(package.Manifest.Lessons.Count >= 4, "at least four lessons");
        Assert.Contains(package.Lessons, l => l.Blocks.Any(b => b.Type == "quiz"));
    }

    [Fact]
    public void Five_courses_are_bundled()
    {
        Assert.True(Courses().Count >= 5);
    }
}
