using System.Text;
using Literacy.Courses.Packages;

using Literacy.Testing;

namespace Literacy.Courses.Tests;

/// <summary>Each way a package can be wrong is refused with its file and line, and nothing comes out to store.</summary>
public sealed class PackageValidatorTests
{
    private static string Refused(TestPackage package, Packages.SemanticVersion? published = null, bool quizzesOn = true)
    {
        var (valid, problems) = package.Validate(published, quizzesOn);
        Assert.Null(valid);
        Assert.NotEmpty(problems);
        return string.Join("\n", problems);
    }

    [Fact]
    public void A_valid_package_passes_and_renders_its_lessons_in_both_languages()
    {
        var (package, problems) = TestPackage.Valid().Validate();
        Assert.Empty(problems);
        Assert.Equal(4, package!.Lessons.Count);
        var lockZh = package.Lessons.Single(l => l.Id == "lock" && l.Culture == "zh-CN");
        Assert.Contains("<strong>Settings</strong>", lockZh.Parts.Single().Html, StringComparison.Ordinal);
        var check = package.Lessons.Single(l => l.Id == "check" && l.Culture == "en");
        Assert.Equal("lock-quiz", Assert.Single(check.Blocks).Id);
        Assert.Contains(check.Parts, p => p.BlockId == "lock-quiz" && p.BlockType == "quiz");
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var text = Refused(TestPackage.Valid()
            .Edit("course.json", j => j.Replace("\"level\": 1", "\"level\": 12").Replace("\"4.1\"", "\"9.9\""))
            .Edit("lessons/en/01-lock.md", md => md + "\n<script>alert(1)</script>\n"));
        Assert.Contains("course.json:8: \"level\" must be a whole number from 1 to 8.", text, StringComparison.Ordinal);
        Assert.Contains("course.json:9: Unknown competency \"9.9\"", text, StringComparison.Ordinal);
        Assert.True(text.Contains("lessons/en/01-lock.md:11: HTML is not allowed", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Bad_json_names_its_line()
    {
        Assert.Contains("course.json:3: This is not valid JSON", Refused(TestPackage.Valid().Edit("course.json", j => j.Replace("\"version\": \"1.0.0\",", "\"version\": 1.0.0,"))), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        Assert.Contains("Unknown field \"script\"", Refused(TestPackage.Valid().Edit("course.json", j => j.Replace("\"level\": 1,", "\"level\": 1, \"script\": \"x\","))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_translation_is_refused()
    {
        var text = Refused(TestPackage.Valid().Edit("course.json", j => j.Replace("\"en\": \"Phone safety\"", "\"fr\": \"Sécurité\"")));
        Assert.Contains("The title has no en translation.", text, StringComparison.Ordinal);
        Assert.Contains("has a text in fr, which is not in \"languages\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_listed_but_missing_in_one_language_is_refused()
    {
        Assert.Contains("The lesson \"lock\" has no en file.", Refused(TestPackage.Valid().Remove("lessons/en/01-lock.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lesson_not_listed_is_refused()
    {
        var text = Refused(TestPackage.Valid().Set("lessons/en/03-extra.md", "---\nid: extra\ntitle: Extra\nminutes: 5\n---\nText"));
        Assert.Contains("lessons/en/03-extra.md:2: The lesson \"extra\" is not listed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_one_lesson_id_are_refused()
    {
        var text = Refused(TestPackage.Valid().Set("lessons/en/03-copy.md", "---\nid: lock\ntitle: Again\nminutes: 5\n---\nText"));
        Assert.Contains("The lesson id \"lock\" is also used by", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_not_higher_than_the_published_one_is_refused()
    {
        Assert.Contains("already installed", Refused(TestPackage.Valid(), Packages.SemanticVersion.Parse("1.0.0")), StringComparison.Ordinal);
        Assert.Contains("not higher than the published version 1.2.0", Refused(TestPackage.Valid(), Packages.SemanticVersion.Parse("1.2.0")), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("---\nid: lock\ntitle: Lock\nminutes: 5\n---\nline six\n").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        Assert.Contains("lessons/en/01-lock.md:7: The file is not valid UTF-8", Refused(TestPackage.Valid().Set("lessons/en/01-lock.md", bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_hidden_inline_is_refused_too()
    {
        Assert.Contains("HTML is not allowed", Refused(TestPackage.Valid().Edit("lessons/zh-CN/01-lock.md", md => md + "\nPress <img src=x onerror=alert(1)> here.\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_and_html_media_are_refused()
    {
        var text = Refused(TestPackage.Valid().Set("media/logo.svg", "<svg onload=\"alert(1)\"/>").Set("media/page.html", "<h1>x</h1>"));
        Assert.Contains("media/logo.svg: .svg files are not allowed", text, StringComparison.Ordinal);
        Assert.Contains("media/page.html: .html files are not allowed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_media_file_whose_content_does_not_match_its_name_is_refused()
    {
        Assert.Contains("is not image/png", Refused(TestPackage.Valid().Set("media/photo.png", "<html>not a picture</html>")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_that_is_too_big_is_refused()
    {
        var big = TestPackage.Png.Concat(new byte[3 * 1024 * 1024]).ToArray();
        Assert.Contains("at most 2048 KB", Refused(TestPackage.Valid().Set("media/big.png", big)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_image_without_alt_text_or_missing_from_the_package_is_refused()
    {
        var text = Refused(TestPackage.Valid().Set("media/pin.png", TestPackage.Png)
            .Edit("lessons/en/01-lock.md", md => md + "\n![](media/pin.png)\n\n![A phone](media/missing.png)\n"));
        Assert.Contains("The image needs alt text", text, StringComparison.Ordinal);
        Assert.Contains("The image media/missing.png is not in the package.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_image_is_lazy_loaded_from_the_versioned_media_url()
    {
        var (package, problems) = TestPackage.Valid().Set("media/pin.png", TestPackage.Png)
            .Edit("lessons/en/01-lock.md", md => md + "\n![The PIN screen](media/pin.png)\n").Validate();
        Assert.Empty(problems);
        var html = package!.Lessons.Single(l => l.Id == "lock" && l.Culture == "en").Parts[0].Html!;
        Assert.Contains("src=\"/courses/phone-safety/v/1.0.0/media/pin.png\"", html, StringComparison.Ordinal);
        Assert.Contains("alt=\"The PIN screen\"", html, StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pictures_size_is_in_the_page_so_that_the_text_keeps_its_place_while_it_loads()
    {
        var (package, problems) = TestPackage.Valid().Set("media/pin.png", ImageSizeTests.PngHeader(640, 360))
            .Edit("lessons/en/01-lock.md", md => md + "\n![The PIN screen](media/pin.png)\n").Validate();
        Assert.Empty(problems);
        var html = package!.Lessons.Single(l => l.Id == "lock" && l.Culture == "en").Parts[0].Html!;
        Assert.Contains("width=\"640\" height=\"360\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quiz_question_with_no_correct_answer_is_refused_with_its_line()
    {
        var text = Refused(TestPackage.Valid().Edit("lessons/en/02-check.md", md => md.Replace("(x) No", "( ) No")));
        Assert.Contains("lessons/en/02-check.md:12: This question has no correct answer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_block_type_no_enabled_feature_provides_is_refused()
    {
        Assert.Contains("The block type \"quiz\" is not provided by any enabled feature", Refused(TestPackage.Valid(), quizzesOn: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Quizzes_must_match_across_languages()
    {
        var text = Refused(TestPackage.Valid().Edit("lessons/en/02-check.md", md => md.Replace("id: lock-quiz", "id: other-quiz")));
        Assert.Contains("every language needs the same quizzes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unexpected_files_are_refused()
    {
        Assert.Contains("scripts/run.sh: Unexpected file", Refused(TestPackage.Valid().Set("scripts/run.sh", "rm -rf /")), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_in_lessons_cannot_run_script()
    {
        var (package, _) = TestPackage.Valid().Edit("lessons/en/01-lock.md", md => md + "\n[Click](javascript:alert(1)) and [the police](https://www.mps.gov.cn/)\n").Validate();
        var html = package!.Lessons.Single(l => l.Id == "lock" && l.Culture == "en").Parts[0].Html!;
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }
}
