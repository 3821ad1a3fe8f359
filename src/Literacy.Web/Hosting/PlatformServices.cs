using System.Globalization;
using Literacy.Data;
using Literacy.Modules;
using Literacy.Modules.Audit;
using Literacy.Modules.Competencies;
using Literacy.Modules.Display;
using Literacy.Modules.Email;
using Literacy.Modules.Features;
using Literacy.Modules.Navigation;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Literacy.Web.Accounts;
using Literacy.Web.Admin;
using Literacy.Web.Data;
using Literacy.Web.Home;
using Literacy.Web.Localization;
using Literacy.Web.Setup;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Literacy.Web.Hosting;

public static class PlatformServices
{
    public static void AddPlatformLogging(this WebApplicationBuilder builder)
    {
        // Structured logs: one JSON object per line outside development, readable lines while developing.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }
    }

    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddPlatformDatabase(configuration, environment.ContentRootPath);
        // Data-protection keys (sign-in cookies, antiforgery, the credit bank's signing keys) live with the data, so a
        // restart or a new container keeps them. Several nodes share the data folder (docs/deployment.md).
        services.AddDataProtection().SetApplicationName("Literacy").PersistKeysToFileSystem(new DirectoryInfo(
            Path.Combine(Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", environment.ContentRootPath), "keys")));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteLinks>();
        // The bundled framework; the credit bank, when compiled in, replaces the source with its editable copy.
        services.AddSingleton(new BundledFramework(Path.Combine(AppContext.BaseDirectory, "content", "frameworks", "digcomp-2.2.json")));
        services.TryAddSingleton<ICompetencyFrameworkSource>(sp => sp.GetRequiredService<BundledFramework>());
        services.AddModuleDbContext<PlatformDbContext, SqlitePlatformDbContext, PostgresPlatformDbContext>();
        services.AddScoped<ISiteStateStore, SiteStateStore>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<AuditVerification>();
        services.AddHealthChecks().AddDbContextCheck<PlatformDbContext>("database");
        return services;
    }

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PlatformUser, IdentityRole>(o =>
            {
                // ASVS 5.0 V6: length and a common-password check, no composition rules.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false; // OptionalUniqueEmail: unique when there is one
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorCodes.Name;
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.Name)
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddScoped<IPasswordValidator<PlatformUser>, CommonPasswordValidator>();
        services.AddScoped<IUserValidator<PlatformUser>, OptionalUniqueEmail>();
        services.AddScoped<SignInCards>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "literacy.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnValidatePrincipal = SecurityStampCheck.ValidatePrincipalAsync;
        });
        // A changed role or password reaches the user's other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SecurityStampCheck.KeepSignInMethodAsync;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "literacy.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<IAccountMessages, AccountEmails>();
        services.AddScoped<EmailConfirmation>();
        services.AddEmail<ConfirmAccountEmail>();
        services.AddEmail<ResetPasswordEmail>();
        services.AddScoped<Literacy.Modules.People.IPeople, People>();
        services.AddScoped<Literacy.Web.Privacy.AccountData>();
        services.AddScoped<Literacy.Web.Privacy.AccountErasure>();
        return services;
    }

    public static IServiceCollection AddPlatformModules(this IServiceCollection services, IConfiguration configuration)
    {
        var modules = Platform.Modules();
        services.AddModules(configuration, modules, Platform.Themes());
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<INavigationProvider, AccountMenu>();
        services.AddSingleton<IPermissionProvider, HostPermissions>();
        services.AddScoped<IRecipeStep, UsersStep>();
        services.AddSingleton<SetupToken>();
        services.AddHostedService<FirstRun>();
        return services;
    }

    /// <summary>
    /// SignalR for the modules' hubs. With a Redis connection string ("Redis") several nodes share the hubs' groups, so
    /// learners connected to different nodes are in one class.
    /// </summary>
    public static IServiceCollection AddPlatformRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        if (configuration["Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("literacy"));
        }

        return services;
    }

    public static IServiceCollection AddPlatformWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(sp => SiteCultures.From(sp.GetRequiredService<IConfiguration>()));
        services.AddOptions<RequestLocalizationOptions>().Configure<SiteCultures>((o, cultures) =>
        {
            o.DefaultRequestCulture = new RequestCulture(cultures.All[0]);
            o.SupportedCultures = [.. cultures.All];
            o.SupportedUICultures = [.. cultures.All];
            // The programme speaks Chinese first; a visitor switches with one click, remembered in a cookie.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        // Learners are on slow networks: pages go out compressed. Antiforgery tokens differ per response, which blunts BREACH.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // Chinese text goes out as UTF-8, not as &#x...; entities three times its size.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        // Learner pages seen by visitors who are not signed in are the same for everyone of a language: cached briefly.
        services.AddOutputCache(o => o.AddPolicy(OutputCaching.LearnerPages, b => b
            .Expire(TimeSpan.FromSeconds(30))
            .SetVaryByQuery("*")
            // The language and the display choice (elder mode, text size, contrast) change the page; nothing else a visitor sends does.
            .VaryByValue(c => new KeyValuePair<string, string>("view", $"{CultureInfo.CurrentUICulture.Name}|{DisplayPreferences.Of(c).Value}"))
            .Tag(OutputCaching.LearnerPages)));
        services.AddControllersWithViews(o => o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false) // no validation script: pages stay light
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SiteText)))
            .AddModuleParts(Platform.Modules(), Platform.ThemeTypes);
        return services;
    }
}
