using System.Net.Http.Headers;

namespace Literacy.Testing;

/// <summary>What an administrator does in Admin → Courses, through the same forms.</summary>
public static class CourseAdmin
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient admin, byte[] zip, string fileName = "course.zip")
    {
        var page = await admin.GetPageAsync("/admin/courses");
        var token = page.QuerySelector("form[action='/admin/courses/upload'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(zip);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "package", fileName);
        return await admin.FollowInstallAsync(await admin.PostAsync("/admin/courses/upload", form));
    }

    /// <summary>Presses "Install as a draft" on a course that came with the platform, and waits for the install like an upload.</summary>
    public static async Task<HttpResponseMessage> InstallBundledAsync(this HttpClient admin, string courseId, string version) =>
        await admin.FollowInstallAsync(await admin.SubmitAsync("/admin/courses", $"/admin/courses/bundled/{courseId}/{version}/install", new Dictionary<string, string>()));

    private static async Task<HttpResponseMessage> FollowInstallAsync(this HttpClient admin, HttpResponseMessage queued)
    {
        var status = queued.Headers.Location?.OriginalString;
        if (queued.StatusCode != System.Net.HttpStatusCode.Redirect || status?.StartsWith("/admin/courses/installs/", StringComparison.Ordinal) != true)
        {
            return queued;
        }

        // The install runs in the background: watch its page until it answers with the result.
        queued.Dispose();
        for (var i = 0; i < 600; i++)
        {
            var response = await admin.GetAsync(status);
            if (response.StatusCode != System.Net.HttpStatusCode.OK || (await response.Content.ReadAsStringAsync()).Contains("data-install-status", StringComparison.Ordinal) is false)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(100);
        }

        throw new TimeoutException($"The install at {status} did not finish within a minute.");
    }

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient admin, string courseId, string version) =>
        admin.SubmitAsync($"/admin/courses/{courseId}/versions/{version}", $"/admin/courses/{courseId}/versions/{version}/publish", new Dictionary<string, string>());

    public static Task<HttpResponseMessage> RestoreAsync(this HttpClient admin, string courseId) =>
        admin.SubmitAsync("/admin/courses", $"/admin/courses/{courseId}/restore", new Dictionary<string, string>());

    /// <summary>A learner presses "I have finished" on a lesson.</summary>
    public static Task<HttpResponseMessage> FinishLessonAsync(this HttpClient learner, string courseId, string lessonId) =>
        learner.SubmitAsync($"/courses/{courseId}/lessons/{lessonId}", $"/courses/{courseId}/lessons/{lessonId}/done", new Dictionary<string, string>());

    /// <summary>A learner answers a quiz on its lesson page; <paramref name="answers"/> maps field names (q0, q1, q3-0...) to values.</summary>
    public static Task<HttpResponseMessage> AnswerQuizAsync(this HttpClient learner, string courseId, string lessonId, string quizId, IDictionary<string, string> answers) =>
        learner.SubmitAsync($"/courses/{courseId}/lessons/{lessonId}", $"/courses/{courseId}/quizzes/{quizId}", answers);
}
