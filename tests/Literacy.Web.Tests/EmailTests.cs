using System.Net;
using Literacy.CreditBank.Emails;
using Literacy.Data;
using Literacy.Jobs;
using Literacy.Jobs.Outbox;
using Literacy.Modules.Email;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Literacy.Web.Tests;

public sealed class SqliteMailSite() : MailSite(DatabaseProvider.Sqlite);

public sealed class PostgresMailSite() : MailSite(DatabaseProvider.PostgreSql);

public sealed class SqliteEmailTests(SqliteMailSite site) : EmailTests(site), IClassFixture<SqliteMailSite>;

public sealed class PostgresEmailTests(PostgresMailSite site) : EmailTests(site), IClassFixture<PostgresMailSite>;

/// <summary>Email as people receive it, through the outbox and Hangfire to a real SMTP server, on each database.</summary>
public abstract class EmailTests(MailSite site)
{
    private SmtpSink Mail => site.Mail;

    [Fact]
    public async Task Registering_in_English_sends_an_English_confirmation_in_two_parts_whose_link_confirms_the_address()
    {
        var email = $"new-{Guid.NewGuid():N}@test.literacy.local";
        var visitor = site.Visitor();
        (await visitor.GetAsync("/culture?culture=en&returnUrl=/")).Dispose();
        using var registered = await visitor.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Li Hua",
            ["Email"] = email,
            ["Password"] = People.Password,
            ["ConfirmPassword"] = People.Password,
            ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        var mail = Assert.Single(await Mail.WaitForAsync(email));
        Assert.Equal("Please confirm your email address", mail.Subject);
        Assert.Contains("Welcome, Li Hua", mail.TextBody!);
        Assert.Contains("lang=\"en\"", mail.HtmlBody!);
        var link = LinkIn(mail, "/account/confirm");
        Assert.Contains(link, mail.HtmlBody!.Replace("&amp;", "&"));

        using var confirmed = await site.Visitor().GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task A_changed_email_address_is_confirmed_again_and_a_lost_link_can_be_sent_again()
    {
        var (learner, email) = await site.LearnerAsync("王芳");
        var first = LinkIn(Assert.Single(await Mail.WaitForAsync(email)), "/account/confirm");
        (await site.Visitor().GetAsync(first)).Dispose();
        Assert.True(await ConfirmedAsync(email));

        var changed = $"changed-{Guid.NewGuid():N}@test.literacy.local";
        using var saved = await learner.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string> { ["DisplayName"] = "王芳", ["Email"] = changed });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"我们给 {changed} 发了一个链接", (await learner.GetPageAsync("/account/privacy")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await ConfirmedAsync(changed)); // the first address's confirmation does not carry over
        using var old = await site.Visitor().GetAsync(first); // nor does the link sent to the first address
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.False(await ConfirmedAsync(changed));
        Assert.Single(await Mail.WaitForAsync(changed));

        // That email got lost: the learner asks again, and the new link confirms the address.
        (await learner.SubmitAsync("/credits/recognition", "/account/confirm/again", new Dictionary<string, string> { ["returnUrl"] = "/credits/recognition" })).Dispose();
        var again = (await Mail.WaitForAsync(changed, count: 2))[1];
        (await site.Visitor().GetAsync(LinkIn(again, "/account/confirm"))).Dispose();
        Assert.True(await ConfirmedAsync(changed));
    }

    [Fact]
    public async Task The_address_a_trainer_gives_a_card_learner_gets_a_link_that_confirms_it()
    {
        var (trainer, _) = await site.TrainerAsync();
        var name = $"卡片学员{Guid.NewGuid().ToString("N")[..6]}";
        (await trainer.SubmitAsync("/cards/new", "/cards/new", new Dictionary<string, string> { ["DisplayName"] = name, ["Email"] = "", ["Consent"] = "true" })).Dispose();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var userId = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync();
            var email = $"card-{Guid.NewGuid():N}@test.literacy.local";
            using var saved = await trainer.SubmitAsync($"/cards/{userId}", $"/cards/{userId}/email", new Dictionary<string, string> { ["Email"] = email });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            (await site.Visitor().GetAsync(LinkIn(Assert.Single(await Mail.WaitForAsync(email)), "/account/confirm"))).Dispose();
            Assert.True(await ConfirmedAsync(email));
        }
    }

    private async Task<bool> ConfirmedAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.EmailConfirmed;
    }

    [Fact]
    public async Task A_forgotten_password_email_in_Chinese_carries_a_link_that_sets_a_new_password()
    {
        var (_, email) = await site.LearnerAsync("张阿姨");
        using var asked = await site.Visitor().SubmitAsync("/account/forgot", "/account/forgot", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var mail = await WaitForSubjectAsync(email, "设置新密码");
        Assert.Contains("您好，张阿姨", mail.TextBody!);
        var link = LinkIn(mail, "/account/reset");
        var fields = new Dictionary<string, string> { ["NewPassword"] = "a new long river song", ["ConfirmPassword"] = "a new long river song" };
        var visitor = site.Visitor();
        using var reset = await visitor.SubmitAsync(link, "/account/reset", fields);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var signedIn = await site.Visitor().SignInAsync(email, "a new long river song");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var again = new Dictionary<string, string> { ["NewPassword"] = "yet another long phrase", ["ConfirmPassword"] = "yet another long phrase" };
        using var reused = await visitor.SubmitAsync(link, "/account/reset", again);
        Assert.Contains("这个链接已过期或已经用过了", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolling_sends_one_email_with_the_course_link_however_often_the_button_is_pressed()
    {
        var courseId = await site.PublishFixtureCourseAsync();
        var (learner, email) = await site.LearnerAsync();
        var token = (await learner.GetPageAsync($"/courses/{courseId}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        for (var i = 0; i < 3; i++) // a double click, then the same form sent again
        {
            (await learner.PostAsync($"/courses/{courseId}/enrol", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).Dispose();
        }

        var mail = await WaitForSubjectAsync(email, "您已报名课程");
        Assert.Contains($"/courses/{courseId}", mail.TextBody!);
        await Task.Delay(1500); // time for a second one to arrive, if there were one
        Assert.Single(Mail.To(email), m => m.Subject!.StartsWith("您已报名课程", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Class_reminders_come_a_day_and_a_quarter_hour_before_with_the_join_link_and_only_once()
    {
        var (trainer, trainerEmail) = await site.TrainerAsync();
        var tomorrow = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromHours(20)));
        var soon = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(10)));
        var (learner, email) = await site.LearnerAsync();
        (await learner.TakePlaceAsync(tomorrow)).Dispose();
        (await learner.TakePlaceAsync(soon)).Dispose();

        Assert.True(await site.RunJobAsync("live-classes.reminders"));
        Assert.True(await site.RunJobAsync("live-classes.reminders")); // the next minute: nothing new

        var reminders = (await Mail.WaitForAsync(email, 3)).Where(m => m.Subject!.Contains("用手机和家人视频", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reminders.Count);
        var day = Assert.Single(reminders, m => m.Subject!.StartsWith("上课提醒", StringComparison.Ordinal));
        Assert.Contains($"/live/{tomorrow}", day.TextBody!);
        var last = Assert.Single(reminders, m => m.Subject!.StartsWith("马上开始", StringComparison.Ordinal));
        Assert.Contains($"/live/{soon}", last.TextBody!);
        Assert.DoesNotContain(Mail.To(trainerEmail), m => m.Subject!.StartsWith("上课提醒", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_trainer_gets_the_days_classes_in_one_morning_email_with_places_taken()
    {
        // Two classes later today (site time) and one tomorrow; the job runs now, as if it were the morning.
        var (trainer, trainerEmail) = await site.TrainerAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, zone);
        var untilMidnight = local.Date.AddDays(1) - local;
        var today = TimeSpan.FromTicks(untilMidnight.Ticks / 3);
        if (untilMidnight < TimeSpan.FromMinutes(20))
        {
            Assert.Skip("Too close to midnight in China to schedule two more classes today.");
        }

        var first = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, today));
        var second = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, today + today));
        var tomorrow = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, untilMidnight + TimeSpan.FromHours(10)));
        var (learner, _) = await site.LearnerAsync();
        (await learner.TakePlaceAsync(first)).Dispose();

        Assert.True(await site.RunJobAsync("live-classes.trainer-summary"));
        Assert.True(await site.RunJobAsync("live-classes.trainer-summary")); // once a day, however often it runs

        var summary = await WaitForSubjectAsync(trainerEmail, "您今天的课");
        Assert.Equal("您今天的课：2 节", summary.Subject);
        Assert.Contains($"/live/{first}", summary.TextBody!);
        Assert.Contains($"/live/{second}", summary.TextBody!);
        Assert.DoesNotContain($"/live/{tomorrow}", summary.TextBody!);
        Assert.Contains("共 30 个名额，已报名 1 人", summary.TextBody!);
        await Task.Delay(1500);
        Assert.Single(Mail.To(trainerEmail), m => m.Subject!.StartsWith("您今天的课", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Earning_a_certificate_sends_its_public_verification_link()
    {
        var (courseId, _) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);

        var mail = await WaitForSubjectAsync(email, "您的证书");
        var verify = LinkIn(mail, "/credentials/");
        using var page = await site.Visitor().GetAsync(new Uri(verify).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task Emails_queued_together_reach_the_mail_server_over_a_few_connections_and_each_arrives_once()
    {
        const int Count = 40;
        var (_, email) = await site.LearnerAsync();
        await Mail.WaitForAsync(email); // the welcome email, sent on its own
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.Id;
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var emails = scope.ServiceProvider.GetRequiredService<IEmails>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= Count; i++)
            {
                var link = $"https://literacy.test/credentials/{i}";
                await emails.QueueAsync(db, userId, new CertificateEmail($"单元 {i}", $"Unit {i}", 1, link, link + "/certificate"), $"batch-test:{userId}:{i}", CancellationToken.None);
            }

            await transaction.CommitAsync();
        }

        var certificates = (await Mail.WaitForAsync(email, Count + 1)).Where(m => m.Subject!.StartsWith("您的证书", StringComparison.Ordinal)).ToList();
        await Task.Delay(1500); // a duplicate would have time to land
        Assert.Equal(Count, Mail.To(email).Count(m => m.Subject!.StartsWith("您的证书", StringComparison.Ordinal)));
        Assert.Equal(Count, certificates.Select(m => m.MessageId).Distinct().Count());
        // Each connection is one client port; one connection (and login) per email would be 40 of them.
        var connections = certificates.Select(m => m.Headers["X-Peer"]).Distinct().Count();
        var workers = site.Services.GetRequiredService<IOptions<JobsOptions>>().Value.Workers;
        Assert.InRange(connections, 1, Math.Min(workers, Count / 2));
    }

    [Fact]
    public async Task The_weekly_digest_goes_only_to_learners_who_asked_for_it()
    {
        var courseId = await site.PublishFixtureCourseAsync();
        var (wants, wantsEmail) = await site.LearnerAsync();
        var (_, notAsked) = await site.LearnerAsync();
        foreach (var email in new[] { wantsEmail, notAsked })
        {
            using var client = site.Visitor();
            await client.SignInAsync(email);
            (await client.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        }

        var token = (await wants.GetPageAsync("/account/email")).QuerySelector("form[action='/account/email'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var saved = await wants.PostAsync("/account/email", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("topics", "WeeklyDigest"), new("topics", "Enrolment")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await site.RunJobAsync("courses.weekly-digest"));

        var digest = await WaitForSubjectAsync(wantsEmail, "您这一周的学习");
        Assert.Contains("已学完 0 课", digest.TextBody!);
        await Task.Delay(1500);
        Assert.DoesNotContain(Mail.To(notAsked), m => m.Subject == "您这一周的学习");
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_stops_that_kind_of_email()
    {
        var courseId = await site.PublishFixtureCourseAsync();
        var second = await site.PublishFixtureCourseAsync();
        var (learner, email) = await site.LearnerAsync();
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        var mail = await WaitForSubjectAsync(email, "您已报名课程");
        var unsubscribe = LinkIn(mail, "/email/unsubscribe");
        Assert.Equal($"<{unsubscribe}>", mail.Headers["List-Unsubscribe"]);

        var stranger = site.Visitor(); // not signed in
        using var done = await stranger.SubmitAsync(new Uri(unsubscribe).PathAndQuery, new Uri(unsubscribe).PathAndQuery, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("您不会再收到这类邮件", (await done.ParseAsync()).QuerySelector("[role=status]")!.TextContent);

        (await learner.SubmitAsync($"/courses/{second}", $"/courses/{second}/enrol", new Dictionary<string, string>())).Dispose();
        var skipped = await OutboxAsync($"email:enrolled:{second}:", until: m => m.State == OutboxState.Skipped);
        Assert.Contains("chose not to get Enrolment", skipped.LastError!);
        Assert.Single(Mail.To(email), m => m.Subject!.StartsWith("您已报名课程", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tampered_unsubscribe_token_is_refused_and_changes_nothing()
    {
        var courseId = await site.PublishFixtureCourseAsync();
        var (learner, email) = await site.LearnerAsync();
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        var link = new Uri(LinkIn(await WaitForSubjectAsync(email, "您已报名课程"), "/email/unsubscribe"));
        var token = Uri.UnescapeDataString(link.Query.Split("t=")[1]);
        var tampered = token[..10] + (token[10] == 'A' ? 'B' : 'A') + token[11..];

        using var page = await site.Visitor().GetAsync($"/email/unsubscribe?t={Uri.EscapeDataString(tampered)}");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        using var posted = await site.Visitor().PostAsync($"/email/unsubscribe?t={Uri.EscapeDataString(tampered)}", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var choices = await learner.GetPageAsync("/account/email");
        Assert.NotNull(choices.QuerySelector("input[value=Enrolment][checked]"));
    }

    [Fact]
    public async Task A_name_written_to_add_a_mail_header_is_encoded_and_adds_no_recipient()
    {
        var (_, email) = await site.LearnerAsync("Eve\r\nBcc: victim@test.literacy.local");
        var mail = Assert.Single(await Mail.WaitForAsync(email));
        Assert.Null(mail.Headers[HeaderId.Bcc]);
        Assert.Empty(mail.Bcc);
        Assert.Equal(email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal(email, mail.Headers["X-RcptTo"]); // the envelope: the server was asked to deliver to no one else
        Assert.Empty(Mail.To("victim@test.literacy.local"));
    }

    [Fact]
    public async Task An_address_the_server_refuses_is_marked_failed_with_the_servers_reason_for_administrators()
    {
        var (_, email) = await site.LearnerAsync(email: $"nobody-{Guid.NewGuid():N}@nowhere.invalid");
        var failed = await OutboxAsync("email:confirm:", until: m => m.State == OutboxState.Failed && m.Payload.Contains(email, StringComparison.Ordinal) is false && m.LastError!.Contains(email, StringComparison.Ordinal));
        Assert.Contains("550", failed.LastError!);
        Assert.Equal(1, failed.Attempts); // refused for good: not retried

        var admin = await site.AdminAsync();
        var page = await admin.GetPageAsync("/admin/email");
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(email, StringComparison.Ordinal));
        Assert.Contains("User unknown", row.TextContent);
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_administrators_only()
    {
        using var anonymous = await site.Visitor().GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
        var (learner, _) = await site.LearnerAsync();
        using var refused = await learner.GetAsync("/admin/jobs");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync());

        var admin = await site.AdminAsync();
        using var dashboard = await admin.GetAsync("/admin/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.Contains("live-classes.reminders", html);
        Assert.Contains("courses.weekly-digest", html);
    }

    [Fact]
    public async Task Switching_a_feature_off_stops_its_recurring_jobs()
    {
        var admin = await site.AdminAsync();
        using var off = await admin.SubmitAsync("/admin/modules", "/admin/modules/LiveClasses/disable", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        try
        {
            Assert.False(await site.RunJobAsync("live-classes.reminders"));
            Assert.True(await site.RunJobAsync("courses.weekly-digest"));
        }
        finally
        {
            using var on = await admin.SubmitAsync("/admin/modules", "/admin/modules/LiveClasses/enable", new Dictionary<string, string> { ["confirmed"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        }

        Assert.True(await site.RunJobAsync("live-classes.reminders"));
    }

    [Fact]
    public async Task An_administrator_sets_the_mail_server_and_a_test_email_arrives()
    {
        var admin = await site.AdminAsync();
        using var bad = await admin.SubmitAsync("/admin/email", "/admin/email/server", new Dictionary<string, string> { ["Host"] = "", ["Port"] = "0", ["FromAddress"] = "x" });
        var problems = (await bad.ParseAsync()).QuerySelectorAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, problems.Count);

        using var saved = await admin.SubmitAsync("/admin/email", "/admin/email/server", new Dictionary<string, string>
        {
            ["Host"] = "127.0.0.1",
            ["Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Security"] = "None",
            ["FromAddress"] = "admin-set@test.literacy.local",
            ["FromName"] = "社区学习中心",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var to = $"check-{Guid.NewGuid():N}@test.literacy.local";
        using var sent = await admin.SubmitAsync("/admin/email", "/admin/email/test", new Dictionary<string, string> { ["address"] = to });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = Assert.Single(await Mail.WaitForAsync(to));
        Assert.Equal("来自“数字素养”网站的测试邮件", mail.Subject);
        Assert.Equal("admin-set@test.literacy.local", mail.From.Mailboxes.Single().Address);
        Assert.Equal("社区学习中心", mail.From.Mailboxes.Single().Name);
    }

    private async Task<MimeMessage> WaitForSubjectAsync(string address, string subjectStart)
    {
        for (var count = 1; ; count++)
        {
            var mail = await Mail.WaitForAsync(address, count);
            if (mail.FirstOrDefault(m => m.Subject!.StartsWith(subjectStart, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }
        }
    }

    /// <summary>The first link in the plain-text part whose path starts with <paramref name="path"/>.</summary>
    private static string LinkIn(MimeMessage mail, string path) =>
        mail.TextBody!.Split([' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .First(word => word.StartsWith("http", StringComparison.Ordinal) && new Uri(word).AbsolutePath.StartsWith(path, StringComparison.Ordinal));

    private async Task<OutboxMessage> OutboxAsync(string keyStart, Func<OutboxMessage, bool> until)
    {
        for (var i = 0; i < 300; i++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages.AsNoTracking()
                .Where(m => m.Key.StartsWith(keyStart)).ToListAsync();
            if (rows.FirstOrDefault(until) is { } row)
            {
                return row;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No outbox row {keyStart}... reached the expected state.");
    }
}
