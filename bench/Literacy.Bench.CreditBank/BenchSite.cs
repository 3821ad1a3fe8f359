using System.Diagnostics;
using System.Text.Json;
using Literacy.Assessments.Data;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Courses.Progress;
using Literacy.Jobs.Outbox;
using Literacy.Modules.Events;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// The real host, in process, on a SQLite data folder: the first start migrates and runs the setup recipe (courses, units),
/// a later start on the same folder is a restart. No HTTP: awards go through the same scoped services a request would use.
/// With <paramref name="deliverFollowUps"/> false, the outbox's work (certificate emails, other modules' records of an
/// award) stays queued instead of being handed to workers: what is left is the award path's own cost.
/// </summary>
public sealed class BenchSite(string dataFolder, bool deliverFollowUps = true) : WebApplicationFactory<Program>
{
    /// <summary>The bundled course whose completion earns the unit below (content/frameworks/units.json).</summary>
    public const string Course = "stop-fraud";

    public const string Unit = "fraud-awareness";

    public string DataFolder { get; } = Path.GetFullPath(dataFolder);

    /// <summary>Starts the host (migrations, setup recipe on a new folder) and returns it.</summary>
    public BenchSite Start()
    {
        _ = Services;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(HostProjectFolder());
        builder.UseEnvironment("Production");
        if (!deliverFollowUps)
        {
            builder.ConfigureServices(services => services.Remove(services.Single(d => d.ImplementationType == typeof(OutboxDispatcher))));
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = DataFolder,
            ["ConnectionStrings:Literacy"] = string.Empty,
            // Quiet: the console prints the figures; the host's JSON logs would drown them.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        }));
    }

    /// <summary>A learner as registration makes one, without a password: hashing one is not what is measured.</summary>
    public async Task<string> NewLearnerAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var email = $"learner-{Guid.NewGuid():N}@bench.literacy.local";
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = "Bench learner" };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().CreateAsync(user);
        return result.Succeeded ? user.Id : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// Brings learners to the last step of the course: enrolled, every lesson done, every quiz passed (written directly, in
    /// one commit; not part of any figure).
    /// </summary>
    public async Task ReadyToCompleteAsync(IReadOnlyList<string> userIds)
    {
        await using var scope = Services.CreateAsyncScope();
        var published = scope.ServiceProvider.GetRequiredService<PublishedCourses>();
        var course = await published.FindAsync(Course, CancellationToken.None) ?? throw new InvalidOperationException($"{Course} is not published.");
        var quizIds = await published.QuizIdsAsync(Course, course.Version, CancellationToken.None);
        var courses = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentsDbContext>();
        var now = DateTime.UtcNow;
        foreach (var userId in userIds)
        {
            courses.Enrolments.Add(new Enrolment { UserId = userId, CourseId = Course, EnrolledUtc = now });
            courses.LessonCompletions.AddRange(course.Manifest.Lessons.Select(l => new LessonCompletion { UserId = userId, CourseId = Course, LessonId = l, CompletedUtc = now }));
            assessments.Attempts.AddRange(quizIds.Select(q => new QuizAttempt
            {
                Id = Guid.NewGuid(), SubmissionId = Guid.NewGuid(), UserId = userId, CourseId = Course, QuizId = q, Version = course.Version, Number = 1,
                Score = 100, AnswersJson = "{}", ResultsJson = "[]", SubmittedUtc = now,
            }));
        }

        await courses.SaveChangesAsync();
        await assessments.SaveChangesAsync();
    }

    /// <summary>
    /// The learner's last step, as the courses module takes it when their final quiz is graded: the course is evaluated and
    /// completed (with insights' count of it), then CourseCompleted goes to the credit bank's rule. When this returns, the
    /// award (entry, credential, email, audit line, insights fact) is committed.
    /// </summary>
    public async Task CompleteCourseAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LearnerProgress>().EvaluateAsync(userId, Course, cancellationToken);
    }

    /// <summary>
    /// The credit bank's part alone: <see cref="CourseCompleted"/> handed to its rule, as the courses module hands it over
    /// once the completion is committed. The rule is evaluated, the credential signed and the award committed as above.
    /// </summary>
    public async Task AwardFromEventAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var completed = LearnerProgress.Completed(userId, Course, "bench", score: 100, credits: 0, DateTime.UtcNow);
        await scope.ServiceProvider.GetRequiredService<DomainEvents>().PublishAsync(completed, cancellationToken);
    }

    /// <summary>
    /// The host project's folder, its content root (Recipes/setup.json). WebApplicationFactory finds it in
    /// MvcTestingAppManifest.json only when that is in the working directory, as under a test runner; this console may run from anywhere.
    /// </summary>
    private static string HostProjectFolder()
    {
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")))!;
        return manifest.Single(p => p.Key.StartsWith(typeof(Program).Assembly.GetName().Name + ",", StringComparison.Ordinal)).Value;
    }

    /// <summary>
    /// Waits until the outbox has no work waiting or under way, so that a timed phase pays only for its own follow-ups; returns
    /// how long that took.
    /// </summary>
    public async Task<TimeSpan> FollowUpsDeliveredAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await InScopeAsync(sp => sp.GetRequiredService<OutboxDbContext>().Messages
            .AnyAsync(m => m.State == OutboxState.Pending || m.State == OutboxState.Queued || m.State == OutboxState.Working)))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("The outbox still has work after ten minutes.");
            }

            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
