using Literacy.Data;
using Literacy.Modules.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Literacy.Testing;

/// <summary>The real platform, in process, on a real database of the given provider.</summary>
public class PlatformFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public LogCapture Log { get; } = new();

    public RaisedEvents Events { get; } = new();

    /// <summary>A clock the test moves by hand, in place of the real one, when set before the site starts.</summary>
    public ManualClock? Clock { get; init; }

    /// <summary>
    /// More settings, e.g. the Redis backplane for a two-node test. Two are lifted for tests that are not about them, and
    /// set back by the tests that are: every test client shares one address (the per-address sign-in limit), and the
    /// administrator signs in with a password alone (two-step sign-in for administrators).
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["SignIn:PerAddressPerMinute"] = "100000",
        ["Security:RequireAdminTwoFactor"] = "false",
    };

    private bool keepDatabase;

    /// <summary>Where the site answers: the in-memory test server, or a real port in the browser tests.</summary>
    public virtual Uri BaseAddress => new("http://localhost");

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, so tests see each answer.</summary>
    public virtual HttpClient NewClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in development: serve the modules' and themes' assets from their projects (the build manifest).
        builder.UseStaticWebAssets();
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(
            Database.Settings.Concat(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Literacy"] = "Information",
                ["CreditBank:IssuerUrl"] = "http://localhost", // credentials name the in-memory test server
            })));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value); // host settings: seen even by what Program.cs reads before Build()
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IDomainEventHandler<CourseCompleted>>(Events);
            services.AddSingleton<IDomainEventHandler<Literacy.Modules.People.LearnerProfileChanged>>(Events);
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
        });
    }

    public static PlatformFactory On(DatabaseProvider provider) => new(TestDatabase.Create(provider));

    /// <summary>A second node of the same site: the same database, data folder and settings. Disposing it leaves the database to this one.</summary>
    public PlatformFactory AnotherNode()
    {
        var node = new PlatformFactory(Database) { Clock = Clock, keepDatabase = true };
        foreach (var (key, value) in Settings)
        {
            node.Settings[key] = value;
        }

        return node;
    }

    /// <summary>Stops this site as a crash or a deploy would, and starts a new one on the same database.</summary>
    public async Task<PlatformFactory> RestartAsync()
    {
        keepDatabase = true;
        await base.DisposeAsync();
        var next = new PlatformFactory(Database) { Clock = Clock };
        foreach (var (key, value) in Settings)
        {
            next.Settings[key] = value;
        }

        return next;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (keepDatabase)
        {
            return;
        }

        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
