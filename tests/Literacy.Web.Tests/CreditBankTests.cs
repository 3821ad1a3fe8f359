using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Earning;
using Literacy.CreditBank.Ledger;
using Literacy.Data;
using Literacy.Modules.Events;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.Web.Tests;

public sealed class SqliteCreditBankTests(SqliteSite site) : CreditBankTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresCreditBankTests(PostgresSite site) : CreditBankTests(site), IClassFixture<PostgresSite>;

/// <summary>Course completed → unit earned → credential issued, checked, revoked; the ledger's guarantees; on each database.</summary>
public abstract class CreditBankTests(PlatformFactory site)
{
    private Task<(string CourseId, string UnitId)> CourseWithUnitAsync() => site.PublishFixtureCourseWithUnitAsync();

    [Fact]
    public async Task A_unit_with_mistakes_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var admin = await site.AdminAsync();
        var fields = Learning.UnitFields("Bad Id!", "no-such-course");
        fields["credits"] = "500";
        fields["titleEn"] = "";
        fields["competencies"] = "9.9";
        using var refused = await admin.SubmitAsync("/admin/credits/units/new", "/admin/credits/units", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problems = (await refused.ParseAsync()).QuerySelectorAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("已发布课程", StringComparison.Ordinal));
        Assert.False(await InScopeAsync(db => db.Units.AnyAsync(u => u.Id == "Bad Id!")));
    }

    [Fact]
    public async Task A_renamed_competency_shows_on_course_pages_at_once_and_a_new_one_can_be_used()
    {
        var admin = await site.AdminAsync();
        var framework = await admin.GetPageAsync("/admin/credits/framework");
        Assert.Equal("保护个人数据和隐私", framework.QuerySelector("input[id='competency-4.2-zh']")!.GetAttribute("value"));
        var before = await site.Visitor().GetPageAsync("/courses/stop-fraud"); // now in the page cache
        Assert.Contains("保护个人数据和隐私", before.Body!.TextContent, StringComparison.Ordinal);
        try
        {
            using var renamed = await admin.SubmitAsync("/admin/credits/framework", "/admin/credits/framework/competencies/4.2",
                new Dictionary<string, string> { ["nameZh"] = "保护个人信息", ["nameEn"] = "Protecting personal information" });
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
            var after = await site.Visitor().GetPageAsync("/courses/stop-fraud");
            Assert.Contains("保护个人信息", after.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            (await admin.SubmitAsync("/admin/credits/framework", "/admin/credits/framework/competencies/4.2",
                new Dictionary<string, string> { ["nameZh"] = "保护个人数据和隐私", ["nameEn"] = "Protecting personal data and privacy" })).Dispose();
        }

        var id = $"4.{Random.Shared.Next(10, 999)}";
        using var added = await admin.SubmitAsync("/admin/credits/framework", "/admin/credits/framework/competencies",
            new Dictionary<string, string> { ["id"] = id, ["areaId"] = "4", ["nameZh"] = "识别深度伪造", ["nameEn"] = "Recognising deepfakes" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var editor = await admin.GetPageAsync("/admin/credits/units/new");
        Assert.NotNull(editor.QuerySelector($"input[name=competencies][value='{id}']"));
        using var bad = await admin.SubmitAsync("/admin/credits/framework", "/admin/credits/framework/competencies",
            new Dictionary<string, string> { ["id"] = "4.x", ["areaId"] = "4", ["nameZh"] = "坏", ["nameEn"] = "Bad" });
        Assert.Contains("编号由数字组成", (await admin.GetPageAsync("/admin/credits/framework")).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<T> InScopeAsync<T>(Func<CreditBankDbContext, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CreditBankDbContext>());
    }

    private Task<IssuedCredential> CredentialOfAsync(string unitId) =>
        InScopeAsync(db => db.Credentials.AsNoTracking().SingleAsync(c => c.UnitId == unitId));

    [Fact]
    public async Task Completing_a_course_earns_the_unit_and_a_certificate_anyone_can_check_until_it_is_revoked()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, learnerEmail) = await site.LearnerAsync("王芳");
        await learner.CompleteFixtureCourseAsync(courseId);

        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("3", account.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("手机安全", account.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("安全", account.QuerySelector("#by-area")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var certificateLink = account.QuerySelector("#certificates ~ ul a")!.GetAttribute("href")!;

        var visitor = site.Visitor();
        var check = await visitor.GetPageAsync(certificateLink);
        Assert.Equal("有效", check.QuerySelector(".verdict strong")!.TextContent);
        Assert.Contains("王芳", check.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        var printable = await visitor.GetPageAsync($"{certificateLink}/certificate");
        Assert.NotNull(printable.QuerySelector("figure.qr svg"));
        Assert.Contains(certificateLink, printable.QuerySelector("figure.qr figcaption")!.TextContent, StringComparison.Ordinal);

        var admin = await site.AdminAsync();
        var credential = await CredentialOfAsync(unitId);
        using var refused = await admin.SubmitAsync("/admin/credits", $"/admin/credits/credentials/{credential.Id}/revoke", new Dictionary<string, string> { ["reason"] = " " });
        Assert.Equal("有效", (await visitor.GetPageAsync(certificateLink)).QuerySelector(".verdict strong")!.TextContent);
        using var revoked = await admin.SubmitAsync("/admin/credits", $"/admin/credits/credentials/{credential.Id}/revoke", new Dictionary<string, string> { ["reason"] = "考试作弊" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var after = await visitor.GetPageAsync(certificateLink);
        Assert.Equal("已撤销", after.QuerySelector(".verdict strong")!.TextContent);
        Assert.DoesNotContain("考试作弊", after.Body!.TextContent, StringComparison.Ordinal); // the reason is the learner's business
        var statement = await learner.GetPageAsync("/credits");
        Assert.Contains("0", statement.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("考试作弊", statement.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        // Each line names who acted (the learner who finished, the administrator who revoked), though the ledger's writer wrote both.
        var people = site.Service<Literacy.Modules.People.IPeople>();
        var learnerId = (await people.FindByEmailAsync(learnerEmail, CancellationToken.None))!.Id;
        var adminId = (await people.FindByEmailAsync(People.AdminEmail, CancellationToken.None))!.Id;
        await using var scope = site.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries;
        Assert.True(await audit.AnyAsync(a => a.Action == "credits.awarded" && a.Target == learnerId && a.ActorId == learnerId && a.Details!.StartsWith(unitId)));
        Assert.True(await audit.AnyAsync(a => a.Action == "credential.revoked" && a.Target == credential.Id.ToString() && a.ActorId == adminId && a.Details == "考试作弊"));
    }

    [Fact]
    public async Task A_certificate_revoked_by_mistake_is_found_from_its_link_and_issued_again_once()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, learnerEmail) = await site.LearnerAsync("赵敏");
        await learner.CompleteFixtureCourseAsync(courseId);
        var revokedId = (await CredentialOfAsync(unitId)).Id;
        var link = (await learner.GetPageAsync("/credits")).QuerySelector("#certificates ~ ul a")!.GetAttribute("href")!;
        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/credits", $"/admin/credits/credentials/{revokedId}/revoke", new Dictionary<string, string> { ["reason"] = "以为考试作弊" })).Dispose();

        // The administrator has only what the employer or the learner brings: the link from the QR code, or an email address.
        foreach (var find in new[] { $"https://literacy.example{link}/certificate", learnerEmail })
        {
            var found = await admin.GetPageAsync($"/admin/credits/credentials?find={Uri.EscapeDataString(find)}");
            var row = found.QuerySelectorAll(".credential-row").Single();
            Assert.Contains("赵敏", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("以为考试作弊", row.TextContent, StringComparison.Ordinal);
            Assert.NotNull(row.QuerySelector($"form[action='/admin/credits/credentials/{revokedId}/reissue']"));
        }

        using (var noReason = await admin.SubmitAsync($"/admin/credits/credentials?find={revokedId}", $"/admin/credits/credentials/{revokedId}/reissue", new Dictionary<string, string> { ["reason"] = " " }))
        {
            Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        }

        Assert.Equal(1, await InScopeAsync(db => db.Credentials.CountAsync(c => c.UnitId == unitId)));
        var page = await admin.GetPageAsync($"/admin/credits/credentials?find={revokedId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        for (var i = 0; i < 2; i++) // sent twice (a double press, or a second tab): issued once
        {
            using var sent = await admin.PostAsync($"/admin/credits/credentials/{revokedId}/reissue",
                new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("reason", "查清楚了，没有作弊")]));
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var statement = await learner.GetPageAsync("/credits");
        Assert.Contains("3", statement.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("查清楚了，没有作弊", statement.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("已撤销", (await site.Visitor().GetPageAsync(link)).QuerySelector(".verdict strong")!.TextContent); // a revoked credential stays revoked
        var credentials = await InScopeAsync(db => db.Credentials.AsNoTracking().Where(c => c.UnitId == unitId).ToListAsync());
        var reissued = Assert.Single(credentials, c => c.RevokedUtc is null);
        Assert.Equal("有效", (await site.Visitor().GetPageAsync($"/credentials/{reissued.Id}")).QuerySelector(".verdict strong")!.TextContent);
        Assert.Equal([3, -3, 3], await InScopeAsync(db => db.Entries.Where(e => e.UnitId == unitId).OrderBy(e => e.Sequence).Select(e => e.Credits).ToListAsync()));
        Assert.Contains("已经重新颁发过了", (await admin.GetPageAsync($"/admin/credits/credentials?find={revokedId}")).QuerySelector("[role=alert]")?.TextContent ?? "", StringComparison.Ordinal);
        var adminId = (await site.Service<Literacy.Modules.People.IPeople>().FindByEmailAsync(People.AdminEmail, CancellationToken.None))!.Id;
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<LedgerVerification>().VerifyAsync(CancellationToken.None)).Intact);
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
            .CountAsync(a => a.Action == "credential.reissued" && a.Target == revokedId.ToString() && a.ActorId == adminId && a.Details == "查清楚了，没有作弊"));
    }

    [Fact]
    public async Task An_unknown_certificate_number_says_so()
    {
        using var response = await site.Visitor().GetAsync($"/credentials/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("未知", (await response.ParseAsync()).QuerySelector(".verdict strong")!.TextContent);
    }

    [Fact]
    public async Task The_same_completion_delivered_again_pays_nothing_more()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var completed = site.Events.All.OfType<CourseCompleted>().Single(e => e.CourseId == courseId);

        for (var i = 0; i < 3; i++)
        {
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DomainEvents>().PublishAsync(completed);
        }

        Assert.Equal(1, await InScopeAsync(db => db.Entries.CountAsync(e => e.UnitId == unitId)));
        Assert.Equal(1, await InScopeAsync(db => db.Credentials.CountAsync(c => c.UnitId == unitId)));
    }

    [Fact]
    public async Task Live_class_minutes_add_up_to_the_live_class_unit_once()
    {
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<Literacy.Modules.People.IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        async Task AttendAsync(string classId, int minutes)
        {
            var attended = new LiveClassAttended(EventIds.For($"attended:{classId}:{userId}"), userId, classId, "防诈骗直播课", minutes, DateTime.UtcNow);
            for (var i = 0; i < 2; i++) // delivered twice
            {
                await using var scope = site.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DomainEvents>().PublishAsync(attended);
            }
        }

        await AttendAsync("class-1", 60);
        Assert.Equal(0, await InScopeAsync(db => db.Entries.CountAsync(e => e.UnitId == "live-class-learner" && db.Accounts.Any(a => a.Id == e.AccountId && a.UserId == userId))));
        await AttendAsync("class-2", 70);
        await AttendAsync("class-3", 45);

        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("参加直播课：130 分钟", account.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("您有 1 学分", account.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await InScopeAsync(db => db.Entries.CountAsync(e => e.UnitId == "live-class-learner" && db.Accounts.Any(a => a.Id == e.AccountId && a.UserId == userId))));
    }

    [Fact]
    public async Task Eight_parallel_awards_for_one_event_write_exactly_one_entry()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var completed = site.Events.All.OfType<CourseCompleted>().Single(e => e.CourseId == courseId);
        var other = completed with { EventId = EventIds.For($"another-delivery:{completed.EventId}") };

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = site.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IEnumerable<IDomainEventHandler<CourseCompleted>>>()
                .OfType<CourseCompletedRule>().Single().HandleAsync(i % 2 == 0 ? completed : other, CancellationToken.None);
        }));

        var entries = await InScopeAsync(db => db.Entries.Where(e => e.UnitId == unitId).ToListAsync());
        Assert.Single(entries);
        Assert.Equal(1, await InScopeAsync(db => db.Credentials.CountAsync(c => c.UnitId == unitId)));
        Assert.True((await Verify()).Intact);
    }

    [Fact]
    public async Task Changing_an_entry_in_the_database_is_found_and_named_by_verify_the_ledger()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var entry = await InScopeAsync(db => db.Entries.AsNoTracking().SingleAsync(e => e.UnitId == unitId));
        Assert.True((await Verify()).Intact);
        try
        {
            // Someone with database access gives themselves more credits.
            await InScopeAsync(db => db.Entries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Credits, 30)));
            var report = await Verify();
            Assert.Equal(entry.Id, report.Break?.EntryId);
            Assert.Equal(BreakKind.Altered, report.Break!.Kind);

            var admin = await site.AdminAsync();
            using var page = await admin.SubmitAsync("/admin/credits", "/admin/credits/verify", new Dictionary<string, string>());
            var alert = (await page.ParseAsync()).QuerySelector("[role=alert]")!.TextContent;
            Assert.Contains($"第 {entry.Id} 条记录", alert, StringComparison.Ordinal);
            Assert.Contains("改动", alert, StringComparison.Ordinal);
        }
        finally
        {
            await InScopeAsync(db => db.Entries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Credits, entry.Credits)));
        }

        Assert.True((await Verify()).Intact);
    }

    private async Task<LedgerReport> Verify()
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerVerification>().VerifyAsync(CancellationToken.None);
    }

    private async Task<CredentialCheck> CheckAsync(string jwt)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CredentialVerifier>().VerifyAsync(jwt, CancellationToken.None);
    }

    [Fact]
    public async Task The_signed_credential_verifies_with_a_standard_JOSE_library_and_the_published_keys()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var credential = await CredentialOfAsync(unitId);
        var visitor = site.Visitor();
        var jwt = await visitor.GetStringAsync($"/credentials/{credential.Id}/credential.jwt");
        var jwks = await visitor.GetStringAsync("/.well-known/jwks.json");

        // Microsoft.IdentityModel, with nothing of ours but the published JWK set.
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidIssuer = "did:web:localhost",
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("vc+jwt", token.Typ);
        Assert.Equal("ES256", token.Alg);
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var vc = payload.RootElement;
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], vc.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"http://localhost/credentials/{credential.Id}", vc.GetProperty("id").GetString());
        var subject = vc.GetProperty("credentialSubject");
        Assert.Equal(3, subject.GetProperty("creditsEarned").GetInt32());
        Assert.DoesNotContain(email, payload.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var identity = subject.GetProperty("identifier")[0];
        var expected = "sha256$" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email + identity.GetProperty("salt").GetString())));
        Assert.Equal(expected, identity.GetProperty("identityHash").GetString());

        // Python's PyJWT, a JOSE library that has never heard of us.
        var python = await RunAsync("/usr/bin/python3", "-c",
            "import sys, json, jwt; token, jwks = sys.argv[1], json.loads(sys.argv[2]); kid = jwt.get_unverified_header(token)['kid'];"
            + "key = next(jwt.algorithms.ECAlgorithm.from_jwk(json.dumps(k)) for k in jwks['keys'] if k['kid'] == kid);"
            + "print(jwt.decode(token, key, algorithms=['ES256'], options={'verify_aud': False})['credentialSubject']['creditsEarned'])",
            jwt, jwks);
        Assert.Equal("3", python.Trim());

        var did = JsonDocument.Parse(await visitor.GetStringAsync("/.well-known/did.json")).RootElement;
        Assert.Equal("did:web:localhost", did.GetProperty("id").GetString());
        Assert.Contains(did.GetProperty("assertionMethod").EnumerateArray(), m => m.GetString() == $"did:web:localhost#{token.Kid}");
    }

    [Fact]
    public async Task Forged_altered_foreign_and_malformed_credentials_are_refused_with_a_reason()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var jwt = (await CredentialOfAsync(unitId)).Jwt;
        var parts = jwt.Split('.');
        var claims = Base64UrlEncoder.Decode(parts[1]);

        var altered = $"{parts[0]}.{Base64UrlEncoder.Encode(claims.Replace("\"creditsEarned\":3", "\"creditsEarned\":30", StringComparison.Ordinal))}.{parts[2]}";
        Assert.Equal(CredentialOutcome.BadSignature, (await CheckAsync(altered)).Outcome);

        using var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var forged = new JsonWebTokenHandler().CreateToken(claims, new SigningCredentials(new ECDsaSecurityKey(stranger) { KeyId = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0])).RootElement.GetProperty("kid").GetString() }, SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(CredentialOutcome.BadSignature, (await CheckAsync(forged)).Outcome);

        var foreign = new JsonWebTokenHandler().CreateToken(claims.Replace("did:web:localhost", "did:web:diploma-mill.example", StringComparison.Ordinal), new SigningCredentials(new ECDsaSecurityKey(stranger), SecurityAlgorithms.EcdsaSha256));
        var unknown = await CheckAsync(foreign);
        Assert.Equal(CredentialOutcome.UnknownIssuer, unknown.Outcome);
        Assert.Contains("did:web:diploma-mill.example", unknown.Message, StringComparison.Ordinal);

        Assert.Equal(CredentialOutcome.Malformed, (await CheckAsync("not.a.credential")).Outcome);
        Assert.Equal(CredentialOutcome.Malformed, (await CheckAsync($"{parts[0]}.{Base64UrlEncoder.Encode("{\"just\":\"json\"}")}.{parts[2]}")).Outcome);
        Assert.Equal(CredentialOutcome.TooLarge, (await CheckAsync(jwt + new string('A', 20_000))).Outcome);
    }

    [Fact]
    public async Task A_trusted_issuers_credential_is_checked_against_every_date_it_carries()
    {
        using var college = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var point = college.ExportParameters(includePrivateParameters: false).Q;
        var issuerId = $"did:web:college-{Guid.NewGuid():N}.example";
        var jwks = $$"""{"keys":[{"kty":"EC","crv":"P-256","kid":"college-1","use":"sig","alg":"ES256","x":"{{Base64UrlEncoder.Encode(point.X)}}","y":"{{Base64UrlEncoder.Encode(point.Y)}}"}]}""";
        await InScopeAsync(db =>
        {
            db.TrustedIssuers.Add(new TrustedIssuer { IssuerId = issuerId, Name = "乙县职业学校", Jwks = jwks, AddedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var signer = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        string Issued(string dates) => signer.CreateToken(
            $$$"""{"id":"urn:uuid:{{{Guid.NewGuid()}}}","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":"{{{issuerId}}}",{{{dates}}}"credentialSubject":{}}""",
            new SigningCredentials(new ECDsaSecurityKey(college) { KeyId = "college-1" }, SecurityAlgorithms.EcdsaSha256));

        // The JWT's own exp and nbf, and VC 1.1's expirationDate, count as much as VC 2.0's validUntil and validFrom.
        var (yesterday, nextWeek) = (DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        Assert.Equal(CredentialOutcome.Expired, (await CheckAsync(Issued($"\"exp\":{yesterday.ToUnixTimeSeconds()},"))).Outcome);
        Assert.Equal(CredentialOutcome.Expired, (await CheckAsync(Issued($"\"validUntil\":\"{nextWeek:yyyy-MM-ddTHH:mm:ssZ}\",\"expirationDate\":\"{yesterday:yyyy-MM-ddTHH:mm:ssZ}\","))).Outcome);
        Assert.Equal(CredentialOutcome.NotYetValid, (await CheckAsync(Issued($"\"nbf\":{nextWeek.ToUnixTimeSeconds()},"))).Outcome);
        // A date nobody can read is not "no end date".
        Assert.Equal(CredentialOutcome.Malformed, (await CheckAsync(Issued("\"validUntil\":\"next spring\","))).Outcome);
        Assert.NotEqual(CredentialOutcome.Expired, (await CheckAsync(Issued($"\"exp\":{nextWeek.ToUnixTimeSeconds()},"))).Outcome);
    }

    [Fact]
    public async Task A_new_site_publishes_its_key_before_it_issues_anything_so_others_can_trust_it_first()
    {
        await using var fresh = PlatformFactory.On(DatabaseProvider.Sqlite);
        using var jwks = JsonDocument.Parse(await fresh.Visitor().GetStringAsync("/.well-known/jwks.json"));
        var key = Assert.Single(jwks.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.False(key.TryGetProperty("d", out _)); // the public half only
    }

    [Fact]
    public async Task After_a_key_rotation_old_credentials_still_verify_and_new_ones_use_the_new_key()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var old = await CredentialOfAsync(unitId);

        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/credits", "/admin/credits/keys/rotate", new Dictionary<string, string>())).Dispose();
        var (second, secondUnit) = await CourseWithUnitAsync();
        await learner.CompleteFixtureCourseAsync(second);
        var fresh = await CredentialOfAsync(secondUnit);

        Assert.NotEqual(new JsonWebToken(old.Jwt).Kid, new JsonWebToken(fresh.Jwt).Kid);
        Assert.True((await CheckAsync(old.Jwt)).IsValid);
        Assert.True((await CheckAsync(fresh.Jwt)).IsValid);
        var kids = JsonDocument.Parse(await site.Visitor().GetStringAsync("/.well-known/jwks.json")).RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Contains(new JsonWebToken(old.Jwt).Kid, kids);
        Assert.Contains(new JsonWebToken(fresh.Jwt).Kid, kids);
    }

    [Fact]
    public async Task A_signing_key_that_can_no_longer_be_decrypted_is_replaced_and_what_it_signed_still_verifies()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var old = await CredentialOfAsync(unitId);
        var oldKid = new JsonWebToken(old.Jwt).Kid;

        // As after a move to a machine without the data-protection keys that encrypted it.
        await InScopeAsync(db => db.SigningKeys.Where(k => k.KeyId == oldKid).ExecuteUpdateAsync(s => s.SetProperty(k => k.ProtectedPrivateKey, Convert.ToBase64String(new byte[64]))));
        site.Service<Microsoft.Extensions.Caching.Memory.IMemoryCache>().Remove("issuer-signing-key");

        var (second, secondUnit) = await CourseWithUnitAsync();
        await learner.CompleteFixtureCourseAsync(second);
        var fresh = await CredentialOfAsync(secondUnit);
        Assert.NotEqual(oldKid, new JsonWebToken(fresh.Jwt).Kid);
        Assert.True((await CheckAsync(fresh.Jwt)).IsValid);
        Assert.True((await CheckAsync(old.Jwt)).IsValid);
        Assert.NotNull(await InScopeAsync(db => db.SigningKeys.Where(k => k.KeyId == oldKid).Select(k => k.RetiredUtc).SingleAsync()));
        Assert.Contains(site.Log.Lines, m => m.Contains(oldKid!, StringComparison.Ordinal) && m.Contains("cannot be decrypted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_status_list_marks_exactly_the_revoked_credentials()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var credential = await CredentialOfAsync(unitId);
        Assert.False(StatusList.IsSet(await EncodedListAsync(), credential.StatusIndex));
        // Anyone may ask: the signed list is kept for a while (a new signature each time would differ, ES256 is randomised)...
        var visitor = site.Visitor();
        Assert.Equal(await visitor.GetStringAsync("/credentials/status/1"), await visitor.GetStringAsync("/credentials/status/1"));
        // ...and a list number no credential points to signs nothing.
        using var unused = await visitor.GetAsync("/credentials/status/15999");
        Assert.Equal(HttpStatusCode.NotFound, unused.StatusCode);

        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/credits", $"/admin/credits/credentials/{credential.Id}/revoke", new Dictionary<string, string> { ["reason"] = "issued in error" })).Dispose();
        Assert.True(StatusList.IsSet(await EncodedListAsync(), credential.StatusIndex)); // at once, not when the kept copy expires
        Assert.False(StatusList.IsSet(await EncodedListAsync(), credential.StatusIndex + 1));
    }

    private async Task<string> EncodedListAsync()
    {
        var visitor = site.Visitor();
        var jwt = await visitor.GetStringAsync("/credentials/status/1");
        var signed = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(await visitor.GetStringAsync("/.well-known/jwks.json")).GetSigningKeys(),
            ValidIssuer = "did:web:localhost",
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(signed.IsValid, signed.Exception?.Message);
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(jwt).EncodedPayload));
        return payload.RootElement.GetProperty("credentialSubject").GetProperty("encodedList").GetString()!;
    }

    [Fact]
    public async Task Learners_cannot_reach_the_credit_bank_administration_nor_revoke()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);
        var credential = await CredentialOfAsync(unitId);

        using var page = await learner.GetAsync("/admin/credits");
        Assert.Equal("/account/denied", page.Headers.Location?.AbsolutePath);
        var token = (await learner.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var revoke = await learner.PostAsync($"/admin/credits/credentials/{credential.Id}/revoke",
            new FormUrlEncodedContent([KeyValuePair.Create("reason", "mine"), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal("/account/denied", revoke.Headers.Location?.AbsolutePath);
        Assert.Null((await CredentialOfAsync(unitId)).RevokedUtc);

        using var visitor = await site.Visitor().GetAsync("/credits");
        Assert.Equal("/account/login", visitor.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_transcript_is_a_printable_page_and_a_JSON_download()
    {
        var (courseId, unitId) = await CourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync("郑阿姨");
        await learner.CompleteFixtureCourseAsync(courseId);

        var page = await learner.GetPageAsync("/credits/transcript");
        Assert.Equal($"郑阿姨 ({email})", page.QuerySelector("article.printable .transcript-of")!.TextContent); // whose it is, by name
        Assert.Contains("手机安全", page.QuerySelector("article.printable table")!.TextContent, StringComparison.Ordinal);
        using var json = await learner.GetAsync("/credits/transcript.json");
        Assert.Contains("attachment", json.Content.Headers.ContentDisposition?.ToString() ?? json.Headers.ToString(), StringComparison.Ordinal);
        using var transcript = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        var entry = Assert.Single(transcript.RootElement.GetProperty("entries").EnumerateArray());
        Assert.Equal(unitId, entry.GetProperty("unit").GetString());
        Assert.Equal(3, entry.GetProperty("credits").GetInt32());
        Assert.Equal(courseId, entry.GetProperty("evidence").GetProperty("courseId").GetString());
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }
}
