using System.Net;
using Literacy.Courses.Data;
using Literacy.Data;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>The process dies while a new version is being written: what learners see stays as it was, and nothing half-written is left.</summary>
public sealed class InstallCrashTests
{
    /// <summary>Fails the database write of version 2.0.0 while armed, as a crash between two statements would.</summary>
    private sealed class CrashOnVersionTwo : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context!.ChangeTracker.Entries<CourseVersion>().Any(e => e.State == EntityState.Added && e.Entity.Version == "2.0.0"))
            {
                throw new IOException("Simulated crash: the disk went away during the install.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_crash_in_the_middle_of_an_install_leaves_the_published_version_intact(DatabaseProvider provider)
    {
        var crash = new CrashOnVersionTwo();
        await using var site = new FaultySite(provider, crash);
        var admin = await site.AdminAsync();
        var v1 = TestPackage.Valid();
        (await admin.UploadAsync(v1.Zip())).Dispose();
        (await admin.PublishAsync("phone-safety", "1.0.0")).Dispose();

        crash.Armed = true;
        var v2 = v1.Copy().WithVersion("2.0.0").Edit("lessons/en/01-lock.md", md => md.Replace("Choose a PIN.", "Choose a long PIN.", StringComparison.Ordinal));
        using var crashed = await admin.UploadAsync(v2.Zip());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, crashed.StatusCode);
        Assert.Contains("什么都没有保存", await crashed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            Assert.Equal("1.0.0", await db.Courses.Where(c => c.Id == "phone-safety").Select(c => c.PublishedVersion).SingleAsync());
            Assert.False(await db.Versions.AnyAsync(v => v.Version == "2.0.0"));
            Assert.False(await db.Lessons.AnyAsync(l => l.Version == "2.0.0"));
            Assert.False(await db.Blocks.AnyAsync(b => b.Version == "2.0.0"));
        }

        var learnerView = await site.Visitor().GetPageAsync("/courses/phone-safety/lessons/lock?culture=en");
        Assert.DoesNotContain("long PIN", learnerView.QuerySelector("article")!.TextContent, StringComparison.Ordinal);

        crash.Armed = false;
        using var retried = await admin.UploadAsync(v2.Zip());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }
}
