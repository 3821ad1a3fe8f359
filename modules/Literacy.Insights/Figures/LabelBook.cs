using System.Globalization;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights.Figures;

/// <summary>The words for a table's rows and columns in the reader's language: for pages, charts and CSV files alike.</summary>
public sealed class LabelBook(IStringLocalizer<InsightsModule> T, CompetencyFramework framework, IReadOnlyDictionary<string, CourseOutline> courses, CultureInfo culture)
{
    public string Culture => culture.Name;

    public string Dimension(Dimension dimension) => dimension switch
    {
        Figures.Dimension.Group => T["Audience group"],
        Figures.Dimension.Region => T["Region"],
        Figures.Dimension.AgeBand => T["Age band"],
        Figures.Dimension.Area => T["Competency area"],
        Figures.Dimension.Level => T["Level"],
        Figures.Dimension.Week => T["Week starting"],
        Figures.Dimension.FunnelStep => T["Step"],
        Figures.Dimension.Lesson => T["Stopped after"],
        Figures.Dimension.Question => T["Question"],
        _ => T["All"],
    };

    public string Measure(Measure measure) => measure switch
    {
        Figures.Measure.Reached => T["Learners reached"],
        Figures.Measure.Enrolments => T["Enrolments"],
        Figures.Measure.Completions => T["Completions"],
        Figures.Measure.CompletionRate => T["Completion rate"],
        Figures.Measure.Credits => T["Credits earned"],
        Figures.Measure.Units => T["Certification units earned"],
        Figures.Measure.Attendances => T["Live-class attendances"],
        Figures.Measure.Learners => T["Learners"],
        Figures.Measure.Answered => T["Learners who answered"],
        Figures.Measure.Missed => T["Learners who missed it"],
        _ => T["Missed by"],
    };

    public string Row(Dimension dimension, string key) => key.Length == 0 && dimension is not Figures.Dimension.Lesson
        ? T["Not told"]
        : dimension switch
        {
            Figures.Dimension.Total => T["All"],
            Figures.Dimension.Group => T[GroupName(key)],
            Figures.Dimension.Region => Regions.Find(key)?.Name(culture) ?? key,
            Figures.Dimension.AgeBand => AgeName(key),
            Figures.Dimension.Area => $"{key} {framework.AreaName(key, culture.Name)}",
            Figures.Dimension.Level => $"{key} {framework.LevelName(int.Parse(key, CultureInfo.InvariantCulture), culture.Name)}",
            Figures.Dimension.Week => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d", culture),
            Figures.Dimension.FunnelStep => key switch
            {
                "enrolled" => T["Enrolled"],
                "started" => T["Started (one lesson done)"],
                "halfway" => T["Halfway (half the lessons done)"],
                _ => T["Completed"],
            },
            Figures.Dimension.Lesson => key.Length == 0 ? T["Before the first lesson"] : LessonTitle(key),
            Figures.Dimension.Question => QuestionName(key),
            _ => key,
        };

    public string Course(string courseId) => courses.GetValueOrDefault(courseId)?.Title ?? courseId;

    /// <summary>A figure as text: a number in the reader's format, a percentage, or "fewer than 5".</summary>
    public string Cell(Measure measure, Shown shown) => shown.Value switch
    {
        null => measure is Figures.Measure.CompletionRate or Figures.Measure.MissRate ? T["not shown"] : T["fewer than 5"],
        { } v when measure is Figures.Measure.CompletionRate or Figures.Measure.MissRate => string.Format(culture, "{0}%", v),
        { } v => v.ToString("N0", culture),
    };

    public string Table(InsightTable table) => table.Id switch
    {
        "totals" => T["Key figures"],
        "weekly" => T["Week by week"],
        "month" => T["This month"],
        "funnel" => T["From enrolling to completing"],
        "stops" => T["Where learners who have not finished stopped"],
        "questions" => T["Quiz questions most learners miss"],
        _ => T["By {0}", Dimension(table.Dimension).ToLower(culture)],
    };

    private static string GroupName(string code) => code switch
    {
        "farmer" => "Farmers",
        "industrial-worker" => "Industrial workers",
        "civil-servant" => "Civil servants",
        "self-employed" => "Self-employed",
        "retired" => "Retired",
        "homemaker" => "Homemakers",
        "student" => "Students",
        _ => "Other",
    };

    private string AgeName(string code) => code switch
    {
        "under-30" => T["Under 30"],
        "70-plus" => T["70 and over"],
        _ => T["{0} to {1}", code.Split('-')[0], code.Split('-')[^1]],
    };

    private string LessonTitle(string lessonId) =>
        courses.Values.SelectMany(c => c.Lessons).FirstOrDefault(l => l.Id == lessonId)?.Title ?? lessonId;

    private string QuestionName(string key)
    {
        var (quiz, number) = (key[..key.LastIndexOf('#')], key[(key.LastIndexOf('#') + 1)..]);
        return T["Quiz {0}, question {1}", quiz, number];
    }
}

/// <summary>Makes a <see cref="LabelBook"/> for the current request's language.</summary>
public sealed class Labels(IStringLocalizer<InsightsModule> T, ICompetencyFrameworkSource frameworks, ICourseOutlines outlines)
{
    public async Task<LabelBook> ForCurrentCultureAsync(CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var courses = (await outlines.PublishedAsync(culture.Name, cancellationToken)).ToDictionary(c => c.Id);
        return new LabelBook(T, framework, courses, culture);
    }
}
