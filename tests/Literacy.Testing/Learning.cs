using System.Net;

namespace Literacy.Testing;

/// <summary>A learner's way through the fixture course (tests/fixtures/phone-safety): two lessons and one quiz.</summary>
public static class Learning
{
    /// <summary>Uploads and publishes the fixture course under a fresh id, as the administrator would, changed by <paramref name="change"/> if given.</summary>
    public static async Task<string> PublishFixtureCourseAsync(this PlatformFactory site, Func<TestPackage, TestPackage>? change = null)
    {
        var id = $"phone-safety-{Guid.NewGuid().ToString("N")[..8]}";
        var package = TestPackage.Valid().Edit("course.json", j => j.Replace("\"phone-safety\"", $"\"{id}\"", StringComparison.Ordinal));
        package = change?.Invoke(package) ?? package;
        var admin = await site.AdminAsync();
        using var uploaded = await admin.UploadAsync(package.Zip());
        if (uploaded.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
        }

        (await admin.PublishAsync(id, "1.0.0")).Dispose();
        return id;
    }

    /// <summary>
    /// The fixture course published under a fresh id, with a certification unit of its own (3 credits from a score of 60),
    /// made through the administrator's unit form. Returns the course id and the unit id.
    /// </summary>
    public static async Task<(string CourseId, string UnitId)> PublishFixtureCourseWithUnitAsync(this PlatformFactory site)
    {
        var courseId = await site.PublishFixtureCourseAsync();
        var unitId = $"unit-{courseId}";
        var admin = await site.AdminAsync();
        using var saved = await admin.SubmitAsync("/admin/credits/units/new", "/admin/credits/units", UnitFields(unitId, courseId));
        if (saved.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Saving unit {unitId} answered {(int)saved.StatusCode}.");
        }

        return (courseId, unitId);
    }

    /// <summary>The unit form's fields for a 3-credit unit earned by completing <paramref name="courseId"/>.</summary>
    public static Dictionary<string, string> UnitFields(string unitId, string courseId) => new()
    {
        ["id"] = unitId,
        ["titleZh"] = "手机安全",
        ["titleEn"] = "Phone safety",
        ["descriptionZh"] = "会锁屏，会检查应用权限。",
        ["descriptionEn"] = "Locks the screen and checks app permissions.",
        ["area"] = "4",
        ["competencies"] = "4.1",
        ["level"] = "1",
        ["credits"] = "3",
        ["rule"] = "CourseCompleted",
        ["courseId"] = courseId,
        ["minScore"] = "60",
        ["minutes"] = "0",
        ["active"] = "true",
    };

    /// <summary>Enrols, passes the quiz and finishes both lessons: the course is complete.</summary>
    public static async Task CompleteFixtureCourseAsync(this HttpClient learner, string courseId)
    {
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        (await learner.AnswerQuizAsync(courseId, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();
        (await learner.FinishLessonAsync(courseId, "lock")).Dispose();
        (await learner.FinishLessonAsync(courseId, "check")).Dispose();
    }
}
