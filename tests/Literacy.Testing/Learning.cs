using System.Net;

namespace Literacy.Testing;

/// <summary>A learner's way through the fixture course (tests/fixtures/phone-safety): two lessons and one quiz.</summary>
public static class Learning
{
    /// <summary>Uploads and publishes the fixture course under a fresh id, as the administrator would.</summary>
    public static async Task<string> PublishFixtureCourseAsync(this PlatformFactory site)
    {
        var id = $"phone-safety-{Guid.NewGuid().ToString("N")[..8]}";
        var package = TestPackage.Valid().Edit("course.json", j => j.Replace("\"phone-safety\"", $"\"{id}\"", StringComparison.Ordinal));
        var admin = await site.AdminAsync();
        using var uploaded = await admin.UploadAsync(package.Zip());
        if (uploaded.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Upload answered {(int)uploaded.StatusCode}: {await uploaded.Content.ReadAsStringAsync()}");
        }

        (await admin.PublishAsync(id, "1.0.0")).Dispose();
        return id;
    }

    /// <summary>Enrols, passes the quiz and finishes both lessons: the course is complete.</summary>
    public static async Task CompleteFixtureCourseAsync(this HttpClient learner, string courseId)
    {
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        (await learner.AnswerQuizAsync(courseId, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();
        (await learner.FinishLessonAsync(courseId, "lock")).Dispose();
        (await learner.FinishLessonAsync(courseId, "check")).Dispose();
    }
}
