using System.Net;
using System.Reflection;
using Literacy.Data;
using Literacy.LiveClasses.Classroom;
using Literacy.Modules;
using Literacy.Modules.Features;
using Literacy.Modules.Permissions;
using Literacy.Testing;
using Literacy.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Literacy.Web.Tests;

public sealed class SqliteAuthorizationMatrixTests(SqliteSite site) : AuthorizationMatrixTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresAuthorizationMatrixTests(PostgresSite site) : AuthorizationMatrixTests(site), IClassFixture<PostgresSite>;

/// <summary>
/// Who may use what, for every endpoint the site maps and every hub method, asked of a visitor, a learner, a trainer and an
/// administrator. The declaration is the endpoint's own metadata: <c>[Authorize(Policy = permission)]</c> (the permission
/// names its roles), <c>[Authorize]</c> (anyone signed in) or <c>[AllowAnonymous]</c>, and an open endpoint must also be
/// listed in <see cref="Public"/>, so opening a page to everyone is a decision someone wrote down. An endpoint that declares
/// nothing fails the test by name.
/// </summary>
public abstract class AuthorizationMatrixTests(PlatformFactory site)
{
    /// <summary>What anyone may open without signing in: one line per endpoint, "METHOD /route/pattern".</summary>
    private static readonly HashSet<string> Public =
    [
        "GET /", "GET /help", "ANY /status/{code:int}", "ANY /healthz", "GET /culture", "GET /display", "POST /display", "GET /display/elder",
        "GET /account/register", "POST /account/register", "GET /account/login", "POST /account/login", "GET /account/denied",
        "GET /account/forgot", "POST /account/forgot", "GET /account/reset", "POST /account/reset",
        "GET /account/two-factor", "POST /account/two-factor", "GET /account/two-factor/recovery", "POST /account/two-factor/recovery",
        "GET /card/{secret}", "POST /card/{secret}",
        "GET /account/confirm", "GET /email/unsubscribe", "POST /email/unsubscribe", // the links in email: the token is the proof
        "GET /privacy", "GET /account/privacy/deleted",
        "GET /setup", "POST /setup",
        "GET /courses", "GET /courses/{courseId}", "GET /courses/{courseId}/lessons/{lessonId}", "GET /courses/offline-sw.js",
        "GET /courses/{courseId}/offline", "GET /courses/{courseId}/v/{version}/media/{*path}", "GET /live",
        "GET /credentials/{id:guid}", "GET /credentials/{id:guid}/certificate", "GET /credentials/{id:guid}/credential.jwt",
        "GET /credentials/units/{unitId}", "GET /credentials/status/{list:int:range(1,16000)}",
        "GET /.well-known/jwks.json", "GET /.well-known/did.json",
    ];

    /// <summary>Who may call each hub method: one line per method.</summary>
    private static readonly (string Method, HubCaller Caller)[] HubMethods =
    [
        ("ClassroomHub.Join", HubCaller.SignedUpOrTeaching),
        ("ClassroomHub.SendChat", HubCaller.InTheClass),
        ("ClassroomHub.RaiseHand", HubCaller.InTheClass),
        ("ClassroomHub.LowerHand", HubCaller.InTheClass),
        ("ClassroomHub.AnswerPoll", HubCaller.InTheClass),
        ("ClassroomHub.ShowSlide", HubCaller.TeachingTheClass),
        ("ClassroomHub.RemoveChat", HubCaller.TeachingTheClass),
        ("ClassroomHub.MuteChat", HubCaller.TeachingTheClass),
        ("ClassroomHub.LowerHandOf", HubCaller.TeachingTheClass),
        ("ClassroomHub.OpenPoll", HubCaller.TeachingTheClass),
        ("ClassroomHub.ShowPollResults", HubCaller.TeachingTheClass),
        ("ClassroomHub.ClosePoll", HubCaller.TeachingTheClass),
        ("ClassroomHub.EndClass", HubCaller.TeachingTheClass), // last: it ends the class the other rows use
    ];

    private enum HubCaller { SignedUpOrTeaching, InTheClass, TeachingTheClass }

    private enum Outcome { Served, SentToSignIn, Refused }

    private static readonly string[] AnyMethod = ["ANY"];

    private static readonly string[] Who = ["visitor", Roles.Learner, Roles.Trainer, Roles.Administrator];

    [Fact]
    public void Every_endpoint_declares_who_may_use_it()
    {
        var problems = new List<string>();
        foreach (var (name, endpoint) in Endpoints())
        {
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (open && !Public.Contains(name))
            {
                problems.Add($"{name} is open to everyone ([AllowAnonymous]) but is not in the Public list of {nameof(AuthorizationMatrixTests)}.");
            }
            else if (!open && endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            {
                problems.Add($"{name} declares nothing: add [Authorize(Policy = <permission>)], [Authorize] or [AllowAnonymous].");
            }
        }

        var mapped = Endpoints().Select(e => e.Name).ToHashSet();
        problems.AddRange(Public.Where(p => !mapped.Contains(p)).Select(p => $"{p} is in the Public list but the site maps no such endpoint."));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_user_as_declared()
    {
        await EnableEveryFeatureAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["visitor"] = site.Visitor(),
            [Roles.Learner] = (await site.LearnerAsync()).Client,
            [Roles.Trainer] = (await site.TrainerAsync()).Client,
            [Roles.Administrator] = await site.AdminAsync(),
        };
        var wrong = new List<string>();
        foreach (var (name, endpoint) in Endpoints())
        {
            var (method, url) = Request(name);
            foreach (var who in Who)
            {
                var expected = Expected(endpoint, who);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                using var response = await clients[who].SendAsync(request);
                var actual = Classify(response);
                if (actual != expected)
                {
                    wrong.Add($"{name} as {who}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void Every_hub_method_has_a_declared_caller()
    {
        var declared = HubMethods.Select(h => h.Method).ToHashSet();
        var methods = HubTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == t)
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet();
        var problems = methods.Where(m => !declared.Contains(m)).Select(m => $"hub method {m} has no row in {nameof(HubMethods)}.")
            .Concat(declared.Where(d => !methods.Contains(d)).Select(d => $"{d} is declared but no hub has that method."))
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.All(HubTypes(), t => Assert.NotNull(t.GetCustomAttribute<AuthorizeAttribute>()));
    }

    [Fact]
    public async Task Every_hub_method_answers_each_kind_of_caller_as_declared()
    {
        var (trainer, trainerEmail) = await site.TrainerAsync();
        var classId = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(5)));
        var (learner, learnerEmail) = await site.LearnerAsync();
        (await learner.TakePlaceAsync(classId)).Dispose();
        var (_, outsiderEmail) = await site.LearnerAsync();

        await using var outsider = await site.PhoneAsync(outsiderEmail);
        await using var inClass = await site.PhoneAsync(learnerEmail);
        await using var teacher = await site.PhoneAsync(trainerEmail);
        await using var admin = await site.PhoneAsync(People.AdminEmail);
        foreach (var phone in new[] { outsider, inClass, teacher, admin })
        {
            await phone.Connection.StartAsync();
        }

        await inClass.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        await teacher.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        var wrong = new List<string>();
        foreach (var (method, caller) in HubMethods)
        {
            var name = method.Split('.')[1];
            var args = Arguments(name, classId);
            var outsiderAnswer = await CallAsync(outsider.Connection, name, args);
            var learnerAnswer = await CallAsync(inClass.Connection, name, args);
            var expectRefused = caller == HubCaller.SignedUpOrTeaching ? "您还没有报名这堂课。请先在直播课页面报名。" : "请先进入课堂。";
            if (outsiderAnswer != expectRefused)
            {
                wrong.Add($"{method} by a learner outside the class: expected \"{expectRefused}\", got \"{outsiderAnswer}\"");
            }

            if (caller == HubCaller.TeachingTheClass && learnerAnswer != "只有这堂课的老师能这样做。")
            {
                wrong.Add($"{method} by a learner in the class: expected the trainer-only refusal, got \"{learnerAnswer}\"");
            }
            else if (caller != HubCaller.TeachingTheClass && learnerAnswer is "只有这堂课的老师能这样做。" or "请先进入课堂。")
            {
                wrong.Add($"{method} by a learner in the class was refused: \"{learnerAnswer}\"");
            }
        }

        // An administrator may teach any class (ClassAccess.Teaches); the class's own trainer ends it, last.
        await admin.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
        foreach (var (method, caller) in HubMethods.Where(h => h.Caller == HubCaller.TeachingTheClass))
        {
            var name = method.Split('.')[1];
            foreach (var (who, phone) in new[] { ("administrator", admin), ("trainer", teacher) })
            {
                if (name == "EndClass" && who == "administrator")
                {
                    continue;
                }

                var answer = await CallAsync(phone.Connection, name, Arguments(name, classId));
                if (answer is "只有这堂课的老师能这样做。" or "请先进入课堂。" or "这堂课已经结束了。")
                {
                    wrong.Add($"{method} by the {who}: refused \"{answer}\"");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        using var negotiate = await site.Visitor().PostAsync("/hubs/classroom/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    private IEnumerable<(string Name, RouteEndpoint Endpoint)> Endpoints() =>
        site.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? AnyMethod)
                .Select(m => ($"{m} /{e.RoutePattern.RawText?.TrimStart('/')}", e)));

    /// <summary>
    /// Files under wwwroot, public by nature (CSS, scripts, images): MapStaticAssets' endpoints, and the fallback it adds
    /// outside production to serve files changed since the build.
    /// </summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || (endpoint.RoutePattern.RawText == "{**path:file}" && endpoint.Metadata.Any(m => m.GetType().Name == "FallbackMetadata"));

    private static IEnumerable<Type> HubTypes() =>
        Platform.ModuleTypes.Select(m => m.Assembly).Append(typeof(Program).Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false } && IsHub(t));

    private static bool IsHub(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t == typeof(Hub) || (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Hub<>)))
            {
                return true;
            }
        }

        return false;
    }

    private Outcome Expected(RouteEndpoint endpoint, string who)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Outcome.Served;
        }

        if (who == "visitor")
        {
            return Outcome.SentToSignIn;
        }

        var permissions = site.Service<PermissionCatalog>();
        foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
        {
            if (data.Policy is { } policy)
            {
                var permission = permissions.Find(policy) ?? throw new InvalidOperationException($"{endpoint.RoutePattern.RawText}: policy {policy} is not a permission.");
                if (who != Roles.Administrator && !permission.Roles.Contains(who))
                {
                    return Outcome.Refused;
                }
            }

            if (data.Roles is { } roles && !roles.Split(',').Contains(who))
            {
                return Outcome.Refused;
            }
        }

        return Outcome.Served;
    }

    /// <summary>A challenge or a refusal is 401/403, or the cookie handler's redirect, which always carries ReturnUrl.</summary>
    private static Outcome Classify(HttpResponseMessage response)
    {
        var to = response.Headers.Location is { } location ? new Uri(new Uri("http://localhost"), location) : null;
        var handler = to is not null && to.Query.Contains("ReturnUrl=", StringComparison.Ordinal);
        return (response.StatusCode, handler ? to!.AbsolutePath : null) switch
        {
            (HttpStatusCode.Unauthorized, _) or (HttpStatusCode.Redirect, "/account/login") => Outcome.SentToSignIn,
            (HttpStatusCode.Forbidden, _) or (HttpStatusCode.Redirect, "/account/denied") => Outcome.Refused,
            _ => Outcome.Served,
        };
    }

    /// <summary>The request for an endpoint: its method and its route with made-up values (authorization comes before they are looked up).</summary>
    private static (string Method, string Url) Request(string name)
    {
        var parts = name.Split(' ', 2);
        var pattern = RoutePatternFactory.Parse(parts[1]);
        var segments = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Value(parameter),
            _ => string.Empty,
        })));
        return (parts[0] == "ANY" ? "GET" : parts[0], "/" + string.Join('/', segments));
    }

    private static string Value(RoutePatternParameterPart parameter) => parameter.ParameterPolicies.Select(p => p.Content?.Split('(')[0]).FirstOrDefault() switch
    {
        "int" or "long" or "range" => "1",
        "guid" => Guid.Empty.ToString(),
        "regex" => "2026-10", // the one route with a pattern: a monthly report's month
        _ => "x1",
    };

    private async Task EnableEveryFeatureAsync()
    {
        var state = site.Service<SiteState>();
        foreach (var feature in site.Service<ModuleCatalog>().Features.All.Where(f => !state.IsEnabled(f.Id)))
        {
            await state.ApplyAsync(state.PlanEnable(feature.Id), confirmed: true);
        }
    }

    private static object?[] Arguments(string method, string classId) => method switch
    {
        "Join" => [classId],
        "SendChat" => ["你好"],
        "AnswerPoll" or "ShowPollResults" or "ClosePoll" => method == "AnswerPoll" ? [1, new[] { 0 }] : [1],
        "ShowSlide" => [0],
        "RemoveChat" => [1],
        "MuteChat" => ["someone", false],
        "LowerHandOf" => ["someone"],
        "OpenPoll" => ["今天学会了吗?", new[] { "会了", "还不会" }, false],
        _ => [],
    };

    /// <summary>Null when the call went through, else the refusal's plain words.</summary>
    private static async Task<string?> CallAsync(HubConnection connection, string method, object?[] args)
    {
        try
        {
            await connection.InvokeCoreAsync(method, typeof(object), args);
            return null;
        }
        catch (HubException ex)
        {
            return ex.Message.Split("HubException: ")[^1];
        }
    }
}
