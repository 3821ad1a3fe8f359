using System.Net;
using System.Threading.Channels;
using Literacy.CreditBank.Data;
using Literacy.Data;
using Literacy.LiveClasses.Attendance;
using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteLiveClassTests(SqliteSite site) : LiveClassTests(site, DatabaseProvider.Sqlite), IClassFixture<SqliteSite>;

public sealed class PostgresLiveClassTests(PostgresSite site) : LiveClassTests(site, DatabaseProvider.PostgreSql), IClassFixture<PostgresSite>;

/// <summary>A trainer and learners in a live class over SignalR, on each database: what they see, what is refused, what survives.</summary>
public abstract class LiveClassTests(PlatformFactory site, DatabaseProvider provider)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly string[] TrainerMethods = ["ShowSlide", "RemoveChat", "MuteChat", "LowerHandOf", "OpenPoll", "ShowPollResults", "ClosePoll", "EndClass"];

    /// <summary>A trainer with a class starting in ten minutes, and <paramref name="learners"/> learners with a place in it.</summary>
    private async Task<(string ClassId, string TrainerEmail, List<string> LearnerEmails)> ClassAsync(PlatformFactory on, int learners, int capacity = 30)
    {
        var (trainer, trainerEmail) = await on.TrainerAsync();
        var classId = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(on, TimeSpan.FromMinutes(10), capacity: capacity));
        var emails = new List<string>();
        for (var i = 0; i < learners; i++)
        {
            var (learner, email) = await on.LearnerAsync($"学员{i + 1}");
            (await learner.TakePlaceAsync(classId)).Dispose();
            emails.Add(email);
        }

        return (classId, trainerEmail, emails);
    }

    private static async Task<ClassroomPhone> InClassAsync(PlatformFactory on, string email, string classId, bool reconnects = false)
    {
        var phone = await on.PhoneAsync(email, reconnects);
        await phone.Connection.StartAsync();
        await phone.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        return phone;
    }

    private static ChannelReader<T> Listen<T>(HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(method, m => channel.Writer.TryWrite(m));
        return channel.Reader;
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader) => await reader.ReadAsync().AsTask().WaitAsync(Wait);

    /// <summary>The reason a hub call was refused, as the page shows it (the client prefixes the server's words).</summary>
    private static async Task<string> RefusedAsync(Func<Task> call) => (await Assert.ThrowsAsync<HubException>(call)).Message.Split("HubException: ")[^1];

    [Fact]
    public async Task Scheduling_with_mistakes_lists_every_problem_and_stores_nothing()
    {
        var (trainer, _) = await site.TrainerAsync();
        var fields = LiveClassSetup.ClassFields(site, TimeSpan.FromHours(-2));
        (fields["title"], fields["duration"], fields["capacity"], fields["slides"], fields["courseId"]) = ("", "5", "0", " ", "no-such-course");
        using var refused = await trainer.SubmitAsync("/live/new", "/live/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = (await refused.ParseAsync()).QuerySelectorAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(6, problems.Count);
        Assert.Contains("开始时间已经过了。", problems);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Classes.AnyAsync(c => c.Title == "" || c.DurationMinutes == 5));

        var (learner, _) = await site.LearnerAsync();
        using var notTrainer = await learner.GetAsync("/live/new");
        Assert.NotEqual(HttpStatusCode.OK, notTrainer.StatusCode);
    }

    [Fact]
    public async Task Learners_take_places_until_the_class_is_full_and_the_list_says_so()
    {
        var (classId, _, _) = await ClassAsync(site, learners: 1, capacity: 2);
        var (second, _) = await site.LearnerAsync("第二个");
        var (third, _) = await site.LearnerAsync("第三个");
        // Both see a free place; the first to send it gets it.
        var forms = new[] { await SignUpFormAsync(second, classId), await SignUpFormAsync(third, classId) };
        (await second.PostAsync($"/live/{classId}/signup", forms[0])).Dispose();
        (await third.PostAsync($"/live/{classId}/signup", forms[1])).Dispose();

        var page = await third.GetPageAsync("/live");
        Assert.Equal("对不起，这堂课已经报满了。", page.QuerySelector(".errors")?.TextContent);
        Assert.Contains("已满", page.QuerySelector($"#class-{classId}")!.TextContent);
        Assert.Contains("您已报名", (await second.GetPageAsync("/live")).QuerySelector($"#class-{classId}")!.TextContent);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().SignUps.CountAsync(s => s.ClassId == classId));
    }

    private static async Task<FormUrlEncodedContent> SignUpFormAsync(HttpClient learner, string classId)
    {
        var form = (await learner.GetPageAsync("/live")).QuerySelector($"form[action='/live/{classId}/signup']")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]);
    }

    [Fact]
    public async Task Slides_chat_hands_and_polls_reach_everyone_in_the_class()
    {
        var (classId, trainerEmail, learners) = await ClassAsync(site, learners: 2);
        await using var trainer = await InClassAsync(site, trainerEmail, classId);
        await using var first = await site.PhoneAsync(learners[0]);
        await using var second = await site.PhoneAsync(learners[1]);
        var slides = new[] { Listen<int>(first.Connection, "SlideChanged"), Listen<int>(second.Connection, "SlideChanged") };
        var chat = Listen<ChatLine>(second.Connection, "ChatPosted");
        var hands = Listen<List<Hand>>(trainer.Connection, "HandsChanged");
        var myHand = Listen<bool>(first.Connection, "HandChanged");
        var polls = Listen<PollView?>(second.Connection, "PollChanged");
        var trainerPolls = Listen<PollView?>(trainer.Connection, "PollChanged");
        foreach (var phone in new[] { first, second })
        {
            await phone.Connection.StartAsync();
            await phone.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        }

        await trainer.Connection.InvokeAsync("ShowSlide", 2);
        Assert.Equal(new[] { 2, 2 }, await Task.WhenAll(slides.Select(NextAsync)));

        await first.Connection.InvokeAsync("SendChat", "<script>alert(1)</script> 视频在哪里？");
        Assert.Equal("<script>alert(1)</script> 视频在哪里？", (await NextAsync(chat)).Text);

        await first.Connection.InvokeAsync("RaiseHand");
        Assert.Equal("学员1", Assert.Single(await NextAsync(hands)).Name);
        Assert.True(await NextAsync(myHand));
        await trainer.Connection.InvokeAsync("LowerHandOf", (await trainer.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Hands![0].UserId);
        Assert.False(await NextAsync(myHand));

        await trainer.Connection.InvokeAsync("OpenPoll", "您用过视频通话吗？", new[] { "用过", "没用过" }, false);
        var opened = (await NextAsync(polls))!;
        Assert.Null(opened.Counts); // learners see results only when the trainer shows them
        await first.Connection.InvokeAsync("AnswerPoll", opened.Id, new[] { 0 });
        await second.Connection.InvokeAsync("AnswerPoll", opened.Id, new[] { 1 });
        await first.Connection.InvokeAsync("AnswerPoll", opened.Id, new[] { 1 }); // changed their mind: counted once
        await NextAsync(trainerPolls);
        await NextAsync(trainerPolls);
        await NextAsync(trainerPolls);
        Assert.Equal([0, 2], (await NextAsync(trainerPolls))!.Counts);
        await NextAsync(polls); // second's own answer echoed back
        await trainer.Connection.InvokeAsync("ShowPollResults", opened.Id);
        Assert.Equal([0, 2], (await NextAsync(polls))!.Counts);
    }

    [Fact]
    public async Task Every_method_checks_who_calls_it_and_a_refusal_touches_only_the_caller()
    {
        var (classId, _, learners) = await ClassAsync(site, learners: 1);
        var (_, outsiderEmail) = await site.LearnerAsync("没报名的");
        var (_, otherTrainerEmail) = await site.TrainerAsync("别的老师");

        await using var outsider = await site.PhoneAsync(outsiderEmail);
        await outsider.Connection.StartAsync();
        Assert.Equal("请先进入课堂。", await RefusedAsync(() => outsider.Connection.InvokeAsync("SendChat", "你好")));
        Assert.Equal("您还没有报名这堂课。请先在直播课页面报名。", await RefusedAsync(() => outsider.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)));
        Assert.Equal("没有这堂课。", await RefusedAsync(() => outsider.Connection.InvokeAsync<ClassroomSnapshot>("Join", "forged-id-0")));
        await using var otherTrainer = await site.PhoneAsync(otherTrainerEmail);
        await otherTrainer.Connection.StartAsync();
        Assert.Equal("您还没有报名这堂课。请先在直播课页面报名。", await RefusedAsync(() => otherTrainer.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)));

        await using var learner = await InClassAsync(site, learners[0], classId);
        var calls = new Dictionary<string, Func<Task>>
        {
            ["ShowSlide"] = () => learner.Connection.InvokeAsync("ShowSlide", 1),
            ["RemoveChat"] = () => learner.Connection.InvokeAsync("RemoveChat", 1),
            ["MuteChat"] = () => learner.Connection.InvokeAsync("MuteChat", "someone", true),
            ["LowerHandOf"] = () => learner.Connection.InvokeAsync("LowerHandOf", "someone"),
            ["OpenPoll"] = () => learner.Connection.InvokeAsync("OpenPoll", "?", new[] { "a", "b" }, false),
            ["ShowPollResults"] = () => learner.Connection.InvokeAsync("ShowPollResults", 1),
            ["ClosePoll"] = () => learner.Connection.InvokeAsync("ClosePoll", 1),
            ["EndClass"] = () => learner.Connection.InvokeAsync("EndClass"),
        };
        Assert.Equal(TrainerMethods, calls.Keys);
        foreach (var (method, call) in calls)
        {
            Assert.True("只有这堂课的老师能这样做。" == await RefusedAsync(call), method);
        }

        // Still connected and in the class after all those refusals.
        await learner.Connection.InvokeAsync("SendChat", "我还在");
        await using var scope = site.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Events.Where(e => e.ClassId == classId);
        Assert.Equal(["chat-posted"], await log.Select(e => e.Kind).ToListAsync());

        using var anonymous = site.Visitor();
        using var negotiate = await anonymous.PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    [Fact]
    public async Task A_muted_or_flooding_learner_is_refused_and_a_huge_message_drops_only_that_phone()
    {
        var (classId, trainerEmail, learners) = await ClassAsync(site, learners: 2);
        await using var trainer = await InClassAsync(site, trainerEmail, classId);
        await using var loud = await InClassAsync(site, learners[0], classId);
        await using var calm = await InClassAsync(site, learners[1], classId);
        var me = (await loud.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Me;

        for (var i = 0; i < 5; i++)
        {
            await loud.Connection.InvokeAsync("SendChat", $"第{i}条");
        }

        Assert.Equal("您发得太快了，请等几秒再发。", await RefusedAsync(() => loud.Connection.InvokeAsync("SendChat", "第6条")));
        Assert.Equal("一条消息最多 300 个字。", await RefusedAsync(() => calm.Connection.InvokeAsync("SendChat", new string('长', 301))));

        var muted = Listen<bool>(loud.Connection, "MutedChanged");
        await trainer.Connection.InvokeAsync("MuteChat", me, true);
        Assert.True(await NextAsync(muted));
        Assert.Equal("老师暂时关闭了您的聊天。", await RefusedAsync(() => loud.Connection.InvokeAsync("SendChat", "让我说")));

        var closed = new TaskCompletionSource<Exception?>();
        calm.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        _ = calm.Connection.InvokeAsync("SendChat", new string('x', 20_000));
        await closed.Task.WaitAsync(Wait);
        await trainer.Connection.InvokeAsync("ShowSlide", 1); // the class goes on
        Assert.Equal(1, (await trainer.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Slide);
    }

    [Fact]
    public async Task A_phone_that_drops_is_back_with_the_slide_poll_hand_and_chat_and_its_time_is_merged()
    {
        var (classId, trainerEmail, learners) = await ClassAsync(site, learners: 1);
        await using var trainer = await InClassAsync(site, trainerEmail, classId);
        await using var phone = await InClassAsync(site, learners[0], classId, reconnects: true);
        var rejoined = new TaskCompletionSource<ClassroomSnapshot>();
        phone.Connection.Reconnected += async _ => rejoined.TrySetResult(await phone.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId));
        await phone.Connection.InvokeAsync("RaiseHand");
        await phone.Connection.InvokeAsync("SendChat", "我先说一句");

        phone.Drop();
        await trainer.Connection.InvokeAsync("ShowSlide", 2);
        await trainer.Connection.InvokeAsync("OpenPoll", "听得清楚吗？", new[] { "清楚", "不清楚" }, false);
        var back = await rejoined.Task.WaitAsync(Wait);

        Assert.Equal(2, back.Slide);
        Assert.Equal("听得清楚吗？", back.Poll!.Question);
        Assert.True(back.HandRaised);
        Assert.Contains(back.Chat, c => c.Text == "我先说一句");
        await using var scope = site.Services.CreateAsyncScope();
        var segments = await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Segments.AsNoTracking()
            .Where(s => s.ClassId == classId && s.UserId == back.Me).ToListAsync();
        Assert.Equal(2, segments.Count);
        Assert.Single(segments, s => s.LeftUtc == null); // the dropped one is closed, not a ghost
    }

    [Fact]
    public async Task A_restarted_site_recovers_the_class_from_its_log()
    {
        var first = new PlatformFactory(TestDatabase.Create(provider));
        var (classId, trainerEmail, learners) = await ClassAsync(first, learners: 1);
        await using (var trainer = await InClassAsync(first, trainerEmail, classId))
        await using (var learner = await InClassAsync(first, learners[0], classId))
        {
            await trainer.Connection.InvokeAsync("ShowSlide", 1);
            await trainer.Connection.InvokeAsync("OpenPoll", "会了吗？", new[] { "会了", "还不会" }, false);
            await learner.Connection.InvokeAsync("SendChat", "重启前的话");
            await learner.Connection.InvokeAsync("RaiseHand");
        }

        await using var second = await first.RestartAsync();
        await using var back = await second.PhoneAsync(learners[0]);
        await back.Connection.StartAsync();
        var snapshot = await back.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);

        Assert.Equal(1, snapshot.Slide);
        Assert.Equal("会了吗？", snapshot.Poll!.Question);
        Assert.True(snapshot.HandRaised);
        Assert.Equal("重启前的话", Assert.Single(snapshot.Chat).Text);
    }

    [Fact]
    public async Task Attended_minutes_become_credits_once_and_the_register_shows_them()
    {
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(provider)) { Clock = clock };
        var (trainerClient, trainerEmail) = await timed.TrainerAsync();
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(timed, TimeSpan.FromMinutes(10), duration: 150));
        var (learnerClient, learnerEmail) = await timed.LearnerAsync("赵大姐");
        (await learnerClient.TakePlaceAsync(classId)).Dispose();
        await using var learner = await InClassAsync(timed, learnerEmail, classId, reconnects: true);
        var me = (await learner.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Me;
        var rejoined = new TaskCompletionSource();
        learner.Connection.Reconnected += async _ => { await learner.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId); rejoined.TrySetResult(); };

        // The server's own keep-alive runs on the moved clock too, so it times these connections out as it would a
        // phone silent for an hour: that ends a segment exactly as a lost phone does, and the learner comes back.
        clock.Advance(TimeSpan.FromMinutes(70)); // 60 minutes of the class
        learner.Drop();
        await rejoined.Task.WaitAsync(Wait);
        clock.Advance(TimeSpan.FromMinutes(70)); // 70 more after the reconnect: 130 in all
        await using var ending = await InClassAsync(timed, trainerEmail, classId);
        await ending.Connection.InvokeAsync("EndClass");
        await ending.Connection.InvokeAsync("EndClass"); // ending twice counts nothing twice

        await using var scope = timed.Services.CreateAsyncScope();
        var attendance = await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Attendances.AsNoTracking().SingleAsync(a => a.ClassId == classId);
        Assert.Equal(130, attendance.Minutes);
        var credits = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        Assert.Equal(1, await credits.Entries.CountAsync(e => e.UnitId == "live-class-learner"));
        Assert.Equal(130, await credits.AttendedClasses.Where(a => a.UserId == me).SumAsync(a => a.Minutes));

        var csv = await trainerClient.GetStringAsync($"/live/{classId}/register.csv");
        Assert.Contains("\"赵大姐\"", csv);
        Assert.Contains(",\"130\",", csv);
        var replay = await learnerClient.GetStringAsync($"/live/{classId}/replay");
        Assert.Contains("欢迎", replay);
    }

    /// <summary>
    /// Ending a class commits first; counting its attendance and paying its minutes come after it. When either cannot be
    /// written at that moment, the trainer's "end" still succeeds, and the classroom sweeper counts and pays later, once.
    /// </summary>
    [Theory]
    [InlineData("LiveClassAttendance")] // counting the attendance fails
    [InlineData("AuditEntries")] // the award's audit line fails, so paying the minutes fails
    public async Task A_class_ends_for_its_trainer_when_its_attendance_cannot_be_counted_or_paid_yet_and_the_sweeper_does_it(string failingTable)
    {
        var clock = new ManualClock();
        var failure = new FailingStatement(sql => sql.Contains($"INSERT INTO \"{failingTable}\"", StringComparison.Ordinal), "the database refused the write.");
        await using var timed = new FaultySite(provider, failure) { Clock = clock };
        var (trainerClient, trainerEmail) = await timed.TrainerAsync();
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(timed, TimeSpan.FromMinutes(10), duration: 150));
        var (learnerClient, learnerEmail) = await timed.LearnerAsync();
        (await learnerClient.TakePlaceAsync(classId)).Dispose();
        await using var learner = await InClassAsync(timed, learnerEmail, classId);
        clock.Advance(TimeSpan.FromMinutes(140)); // 130 minutes of the class: more than the unit's 120

        failure.Armed = true;
        await using var trainer = await InClassAsync(timed, trainerEmail, classId);
        await trainer.Connection.InvokeAsync("EndClass"); // what follows the ending fails, the ending does not
        Assert.Equal((true, 0), await EndedAndPaidAsync(timed, classId));

        failure.Armed = false;
        var sweeper = timed.Service<ClassroomSweeper>();
        await sweeper.SweepAsync(CancellationToken.None);
        await sweeper.SweepAsync(CancellationToken.None);
        Assert.Equal((true, 1), await EndedAndPaidAsync(timed, classId));
        await using var scope = timed.Services.CreateAsyncScope();
        Assert.Equal(130, await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Attendances.Where(a => a.ClassId == classId).Select(a => a.Minutes).SingleAsync());
    }

    /// <summary>Whether the class has ended, and the credit bank's entries for the live-class unit.</summary>
    private static async Task<(bool Ended, int Paid)> EndedAndPaidAsync(PlatformFactory on, string classId)
    {
        await using var scope = on.Services.CreateAsyncScope();
        var classes = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>();
        var credits = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        return (await classes.Classes.AnyAsync(c => c.Id == classId && c.EndedUtc != null),
            await credits.Entries.CountAsync(e => e.UnitId == "live-class-learner"));
    }

    [Fact]
    public async Task The_replay_shows_the_slides_in_order_with_the_chat_and_poll_results_of_their_time()
    {
        var (classId, trainerEmail, learners) = await ClassAsync(site, learners: 1);
        await using (var trainer = await InClassAsync(site, trainerEmail, classId))
        await using (var learner = await InClassAsync(site, learners[0], classId))
        {
            await learner.Connection.InvokeAsync("SendChat", "<b>第一页</b>的问题");
            await trainer.Connection.InvokeAsync("ShowSlide", 1);
            var poll = (await trainer.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Poll;
            Assert.Null(poll);
            await trainer.Connection.InvokeAsync("OpenPoll", "打开微信了吗？", new[] { "打开了", "没有" }, false);
            var pollId = (await learner.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Poll!.Id;
            await learner.Connection.InvokeAsync("AnswerPoll", pollId, new[] { 0 });
            await trainer.Connection.InvokeAsync("ClosePoll", pollId);
            await trainer.Connection.InvokeAsync("EndClass");
        }

        var (learnerClient, _) = (site.NewClient(), learners[0]);
        await learnerClient.SignInAsync(learners[0]);
        var page = await learnerClient.GetPageAsync($"/live/{classId}/replay");
        var steps = page.QuerySelectorAll(".replay-step").ToList();
        Assert.Equal(2, steps.Count);
        Assert.Contains("欢迎", steps[0].TextContent);
        Assert.Contains("<b>第一页</b>的问题", steps[0].QuerySelector(".chat-log")!.TextContent); // shown as text, not markup
        Assert.Null(steps[0].QuerySelector(".chat-log b"));
        Assert.Contains("打开微信了吗？", steps[1].TextContent);
        Assert.Contains("打开了：1 票", steps[1].QuerySelector(".poll-result")!.TextContent);

        var (outsider, _) = await site.LearnerAsync();
        using var refused = await outsider.GetAsync($"/live/{classId}/replay");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}

/// <summary>Two platform nodes on one PostgreSQL database, sharing classes through a real Redis.</summary>
public sealed class TwoNodeLiveClassTests
{
    [Fact]
    public async Task A_trainer_on_one_node_teaches_a_learner_on_the_other()
    {
        var redis = Environment.GetEnvironmentVariable("TEST_REDIS") ?? throw new InvalidOperationException("TEST_REDIS is not set: start scripts/services.sh.");
        await using var a = new PlatformFactory(TestDatabase.Create(DatabaseProvider.PostgreSql));
        a.Settings["Redis"] = redis;
        var (trainerClient, trainerEmail) = await a.TrainerAsync();
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(a, TimeSpan.FromMinutes(10)));
        var (learnerClient, learnerEmail) = await a.LearnerAsync("两地学员");
        (await learnerClient.TakePlaceAsync(classId)).Dispose();
        await using var b = a.AnotherNode();

        await using var learner = await b.PhoneAsync(learnerEmail);
        var slides = Channel.CreateUnbounded<int>();
        var chat = Channel.CreateUnbounded<ChatLine>();
        learner.Connection.On<int>("SlideChanged", i => slides.Writer.TryWrite(i));
        await learner.Connection.StartAsync();
        await learner.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        await using var trainer = await a.PhoneAsync(trainerEmail);
        trainer.Connection.On<ChatLine>("ChatPosted", c => chat.Writer.TryWrite(c));
        await trainer.Connection.StartAsync();
        await trainer.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);

        await trainer.Connection.InvokeAsync("ShowSlide", 2);
        Assert.Equal(2, await slides.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        await learner.Connection.InvokeAsync("SendChat", "从另一台服务器发来");
        Assert.Equal("从另一台服务器发来", (await chat.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Text);

        // Node B's room caught up with what node A appended: a learner joining there sees slide 3.
        await using var late = await b.PhoneAsync(learnerEmail);
        await late.Connection.StartAsync();
        Assert.Equal(2, (await late.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId)).Slide);
    }
}
