using System.Net;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Recognition;
using Literacy.Data;
using Literacy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.Web.Tests;

/// <summary>Two platforms: A issues credentials as did:web:localhost; B (did:web:b.example) recognises them and fetches A's status list from A.</summary>
public abstract class TwoSites(DatabaseProvider providerOfB) : IAsyncLifetime
{
    public PlatformFactory A { get; } = PlatformFactory.On(DatabaseProvider.Sqlite);

    public PlatformFactory B { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        _ = A.Server; // started first: B's status-list client talks to it
        B = new SiteB(TestDatabase.Create(providerOfB), A);
        _ = B.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class SiteB(TestDatabase database, PlatformFactory a) : PlatformFactory(database)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection([KeyValuePair.Create<string, string?>("CreditBank:IssuerUrl", "https://b.example")]));
            // A's in-memory server stands where its public address would be.
            builder.ConfigureServices(services => services.AddHttpClient(RemoteStatusLists.Client).ConfigurePrimaryHttpMessageHandler(() => a.Server.CreateHandler()));
        }
    }
}

public sealed class SqliteTwoSites() : TwoSites(DatabaseProvider.Sqlite);

public sealed class PostgresTwoSites() : TwoSites(DatabaseProvider.PostgreSql);

public sealed class SqliteRecognitionTests(SqliteTwoSites sites) : RecognitionTests(sites), IClassFixture<SqliteTwoSites>;

public sealed class PostgresRecognitionTests(PostgresTwoSites sites) : RecognitionTests(sites), IClassFixture<PostgresTwoSites>;

/// <summary>A learner brings a credential earned on platform A to platform B, where an administrator recognises it once.</summary>
public abstract class RecognitionTests(TwoSites sites)
{
    private PlatformFactory A => sites.A;

    private PlatformFactory B => sites.B;

    /// <summary>The learner registers on both sites with one email and earns a 3-credit unit on A. Returns their B client and A credential.</summary>
    private async Task<(HttpClient OnB, string Email, IssuedCredential Credential)> CredentialFromAAsync()
    {
        var (courseId, unitId) = await A.PublishFixtureCourseWithUnitAsync();
        var (onA, email) = await A.LearnerAsync("李明");
        await onA.CompleteFixtureCourseAsync(courseId);
        var (onB, _) = await B.LearnerAsync("李明", email);
        await B.ConfirmEmailAsync(onB, email);
        return (onB, email, await CredentialOnAAsync(unitId));
    }

    private async Task<IssuedCredential> CredentialOnAAsync(string unitId)
    {
        await using var scope = A.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditBankDbContext>().Credentials.AsNoTracking().SingleAsync(c => c.UnitId == unitId);
    }

    /// <summary>B's administrator trusts A with A's published keys, and converts any of A's achievements to the bundled recognition unit.</summary>
    private async Task<HttpClient> TrustAAsync()
    {
        var admin = await B.AdminAsync();
        var jwks = await A.Visitor().GetStringAsync("/.well-known/jwks.json");
        (await admin.SubmitAsync("/admin/credits/recognition", "/admin/credits/recognition/issuers", new Dictionary<string, string>
        {
            ["issuerId"] = "did:web:localhost",
            ["name"] = "甲市社区学院",
            ["jwks"] = jwks,
        })).Dispose();
        await using var scope = B.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        if (!await db.ConversionRules.AnyAsync(r => r.IssuerId == "did:web:localhost"))
        {
            (await admin.SubmitAsync("/admin/credits/recognition", "/admin/credits/recognition/rules", new Dictionary<string, string>
            {
                ["issuerId"] = "did:web:localhost",
                ["achievementId"] = "",
                ["unitId"] = "recognised-digital-skills",
            })).Dispose();
        }

        return admin;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient learner, string jwt) =>
        learner.SubmitAsync("/credits/recognition", "/credits/recognition", new Dictionary<string, string> { ["credential"] = jwt });

    private async Task<List<RecognitionRequest>> RequestsOnBAsync(string credentialId)
    {
        await using var scope = B.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditBankDbContext>().RecognitionRequests.AsNoTracking()
            .Where(r => r.CredentialId == credentialId).ToListAsync();
    }

    private async Task<int> EntriesOnBAsync(string unitId)
    {
        await using var scope = B.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CreditBankDbContext>().Entries.CountAsync(e => e.UnitId == unitId);
    }

    [Fact]
    public async Task A_credential_from_A_is_recognised_on_B_once_however_often_it_is_submitted()
    {
        var admin = await TrustAAsync();
        var (learner, _, credential) = await CredentialFromAAsync();
        var before = await EntriesOnBAsync("recognised-digital-skills");

        using var sent = await SubmitAsync(learner, credential.Jwt);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mine = await learner.GetPageAsync("/credits/recognition");
        Assert.Contains("等待处理", mine.QuerySelector("#requests ~ ul")!.TextContent, StringComparison.Ordinal);
        var request = Assert.Single(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
        Assert.Equal("recognised-digital-skills", request.ProposedUnitId);

        using var approved = await admin.SubmitAsync("/admin/credits/recognition", $"/admin/credits/recognition/{request.Id}/approve", new Dictionary<string, string> { ["unitId"] = "recognised-digital-skills" });
        Assert.Contains("已认定", (await admin.GetPageAsync("/admin/credits/recognition")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("甲市社区学院", account.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("您有 1 学分", account.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        // Sent again, and approved again by a second click: nothing more is written.
        using var again = await SubmitAsync(learner, credential.Jwt);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var token = (await admin.GetPageAsync("/admin/credits/recognition")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await admin.PostAsync($"/admin/credits/recognition/{request.Id}/approve", new FormUrlEncodedContent([KeyValuePair.Create("unitId", "recognised-digital-skills"), KeyValuePair.Create("__RequestVerificationToken", token)]))).Dispose();
        Assert.Single(await RequestsOnBAsync(request.CredentialId));
        Assert.Equal(before + 1, await EntriesOnBAsync("recognised-digital-skills"));
    }

    [Fact]
    public async Task An_untrusted_altered_oversized_or_malformed_credential_is_refused_and_nothing_is_stored()
    {
        var (learner, _, credential) = await CredentialFromAAsync();
        await using (var scope = B.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
            await db.ConversionRules.Where(r => r.IssuerId == "did:web:localhost").ExecuteDeleteAsync();
            await db.TrustedIssuers.Where(i => i.IssuerId == "did:web:localhost").ExecuteDeleteAsync();
        }

        await AssertRefusedAsync(learner, credential.Jwt, "我们不认识颁发机构 did:web:localhost");
        await TrustAAsync();
        var parts = credential.Jwt.Split('.');
        var altered = $"{parts[0]}.{Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("\"creditsEarned\":3", "\"creditsEarned\":30", StringComparison.Ordinal))}.{parts[2]}";
        await AssertRefusedAsync(learner, altered, "签名不符");
        await AssertRefusedAsync(learner, credential.Jwt + new string('x', 20_000), "内容太长了");
        await AssertRefusedAsync(learner, "这不是证书", "不是我们能读取的证书");
        Assert.Empty(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
    }

    [Fact]
    public async Task A_credential_issued_to_someone_else_is_refused()
    {
        await TrustAAsync();
        var (_, _, credential) = await CredentialFromAAsync();
        var (someoneElse, theirs) = await B.LearnerAsync("张三");
        await B.ConfirmEmailAsync(someoneElse, theirs);
        await AssertRefusedAsync(someoneElse, credential.Jwt, "这张证书是颁发给别人的");
        Assert.Empty(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
    }

    [Fact]
    public async Task A_credential_is_refused_until_the_learner_has_confirmed_the_email_it_names()
    {
        await TrustAAsync();
        var (courseId, unitId) = await A.PublishFixtureCourseWithUnitAsync();
        var (onA, email) = await A.LearnerAsync("李明");
        await onA.CompleteFixtureCourseAsync(courseId);
        var credential = await CredentialOnAAsync(unitId);

        // Anyone can register on B with the holder's address; only the holder can open the mail sent to it.
        var (onB, _) = await B.LearnerAsync("李明", email);
        Assert.Contains("请先确认您的邮箱", (await onB.GetPageAsync("/credits/recognition")).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        await AssertRefusedAsync(onB, credential.Jwt, "请先确认您的邮箱");
        Assert.Empty(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));

        using var again = await onB.SubmitAsync("/credits/recognition", "/account/confirm/again", new Dictionary<string, string> { ["returnUrl"] = "/credits/recognition" });
        Assert.Equal("/credits/recognition", again.Headers.Location?.OriginalString);
        Assert.Contains($"新的链接已经发到 {email}", (await onB.GetPageAsync("/credits/recognition")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        await B.ConfirmEmailAsync(onB, email);
        Assert.Null((await onB.GetPageAsync("/credits/recognition")).QuerySelector(".notice"));
        using var sent = await SubmitAsync(onB, credential.Jwt);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
    }

    [Fact]
    public async Task Decisions_made_at_once_on_one_request_pay_at_most_once_and_the_request_says_what_the_ledger_holds()
    {
        await TrustAAsync();
        var (learner, _, credential) = await CredentialFromAAsync();
        (await SubmitAsync(learner, credential.Jwt)).Dispose();
        var request = Assert.Single(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));

        // Two administrators approve it into different units while a third rejects it.
        var scopes = Enumerable.Range(0, 3).Select(_ => B.Services.CreateAsyncScope()).ToList();
        var recognitions = scopes.Select(s => s.ServiceProvider.GetRequiredService<Recognitions>()).ToList();
        var results = await Task.WhenAll(
            Task.Run(() => recognitions[0].ApproveAsync(request.Id, "recognised-digital-skills", CancellationToken.None)),
            Task.Run(() => recognitions[1].ApproveAsync(request.Id, "fraud-awareness", CancellationToken.None)),
            Task.Run(() => recognitions[2].RejectAsync(request.Id, "与已有学分重复", CancellationToken.None)));
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        Assert.Single(results, r => r.Succeeded);
        var decided = Assert.Single(await RequestsOnBAsync(request.CredentialId));
        await using var check = B.Services.CreateAsyncScope();
        var paid = await check.ServiceProvider.GetRequiredService<CreditBankDbContext>().Entries.AsNoTracking()
            .Where(e => e.Kind == EntryKind.Recognition && e.Evidence.Contains(request.Id.ToString())).Select(e => e.UnitId).ToListAsync();
        Assert.Equal(decided.Status == RecognitionStatus.Approved ? [decided.UnitId!] : [], paid);
    }

    [Fact]
    public async Task A_credential_A_has_revoked_is_refused_by_B_through_As_status_list()
    {
        await TrustAAsync();
        var (learner, _, credential) = await CredentialFromAAsync();
        var adminA = await A.AdminAsync();
        (await adminA.SubmitAsync("/admin/credits", $"/admin/credits/credentials/{credential.Id}/revoke", new Dictionary<string, string> { ["reason"] = "发错了" })).Dispose();

        await AssertRefusedAsync(learner, credential.Jwt, "did:web:localhost 已经撤销了这张证书");
    }

    [Fact]
    public async Task Approving_a_second_credential_into_a_unit_the_learner_already_has_is_refused()
    {
        var admin = await TrustAAsync();
        var (learner, email, first) = await CredentialFromAAsync();
        var (courseId, unitId) = await A.PublishFixtureCourseWithUnitAsync();
        var onA = A.Visitor();
        await onA.SignInAsync(email);
        await onA.CompleteFixtureCourseAsync(courseId);
        var second = await CredentialOnAAsync(unitId);

        (await SubmitAsync(learner, first.Jwt)).Dispose();
        (await SubmitAsync(learner, second.Jwt)).Dispose();
        var requests = (await RequestsOnBAsync($"http://localhost/credentials/{first.Id}")).Concat(await RequestsOnBAsync($"http://localhost/credentials/{second.Id}")).ToList();
        Assert.Equal(2, requests.Count);
        foreach (var r in requests)
        {
            (await admin.SubmitAsync("/admin/credits/recognition", $"/admin/credits/recognition/{r.Id}/approve", new Dictionary<string, string> { ["unitId"] = "recognised-digital-skills" })).Dispose();
        }

        var page = await admin.GetPageAsync("/admin/credits/recognition");
        Assert.Contains("再认定就会重复记学分", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var account = await learner.GetPageAsync("/credits");
        Assert.Single(account.QuerySelectorAll("table tbody tr"));

        // Rejected with a reason the learner sees.
        var pending = (await RequestsOnBAsync(requests[1].CredentialId)).Single();
        Assert.Equal(RecognitionStatus.Pending, pending.Status);
        (await admin.SubmitAsync("/admin/credits/recognition", $"/admin/credits/recognition/{pending.Id}/reject", new Dictionary<string, string> { ["reason"] = "内容与已认定的重复" })).Dispose();
        Assert.Contains("内容与已认定的重复", (await learner.GetPageAsync("/credits/recognition")).QuerySelector("#requests ~ ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learner_cannot_approve_their_own_request()
    {
        await TrustAAsync();
        var (learner, _, credential) = await CredentialFromAAsync();
        (await SubmitAsync(learner, credential.Jwt)).Dispose();
        var request = Assert.Single(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
        var token = (await learner.GetPageAsync("/credits/recognition")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var attempt = await learner.PostAsync($"/admin/credits/recognition/{request.Id}/approve",
            new FormUrlEncodedContent([KeyValuePair.Create("unitId", "recognised-digital-skills"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal("/account/denied", attempt.Headers.Location?.AbsolutePath);
        Assert.Equal(RecognitionStatus.Pending, (await RequestsOnBAsync(request.CredentialId)).Single().Status);
    }

    /// <summary>However many requests were decided since, one still waiting stays in the administrator's queue.</summary>
    [Fact]
    public async Task A_request_still_waiting_stays_in_the_queue_behind_hundreds_decided_since()
    {
        var admin = await TrustAAsync();
        var (learner, _, credential) = await CredentialFromAAsync();
        (await SubmitAsync(learner, credential.Jwt)).Dispose();
        var request = Assert.Single(await RequestsOnBAsync($"http://localhost/credentials/{credential.Id}"));
        await using (var scope = B.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
            await db.RecognitionRequests.Where(r => r.Id == request.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.SubmittedUtc, DateTime.UtcNow.AddDays(-2)));
            db.RecognitionRequests.AddRange(Enumerable.Range(0, 201).Select(i => new RecognitionRequest
            {
                Id = Guid.NewGuid(), UserId = "someone-else", SubmittedUtc = DateTime.UtcNow.AddHours(-1), Jwt = "-", IssuerId = "did:web:localhost",
                CredentialId = $"decided-{Guid.NewGuid()}", AchievementName = "已处理的申请", AchievementId = "-",
                Status = RecognitionStatus.Rejected, Reason = "-", DecidedUtc = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        var page = await admin.GetPageAsync("/admin/credits/recognition");
        Assert.NotNull(page.QuerySelector($"article[aria-labelledby='request-{request.Id}']"));
        Assert.Equal(50, page.QuerySelectorAll("section[aria-labelledby=decided] li").Length);
    }

    private static async Task AssertRefusedAsync(HttpClient learner, string jwt, string because)
    {
        using var response = await SubmitAsync(learner, jwt);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(because, (await response.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }
}
