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
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureServices(services => services.AddSingleton<IDomainEventHandler<CourseCompleted>>(Events));
    }

    public static PlatformFactory On(DatabaseProvider provider) => new(TestDatabase.Create(provider));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
