using Literacy.CreditBank.Accounts;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Earning;
using Literacy.CreditBank.Framework;
using Literacy.CreditBank.Ledger;
using Literacy.CreditBank.Privacy;
using Literacy.CreditBank.Recognition;
using Literacy.CreditBank.Units;
using Literacy.Modules.Jobs;
using Literacy.Data;
using Literacy.Data.Outbox;
using Literacy.CreditBank.Emails;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Competencies;
using Literacy.Modules.Events;
using Literacy.Modules.Navigation;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.CreditBank;

public sealed class CreditBankModule : IModule
{
    public const string Id = "CreditBank";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Credit bank",
        "1.0.0",
        "Learning",
        "Learning accounts, certification units, the tamper-evident ledger and verifiable credentials.",
        [new FeatureManifest(Id, "Credit bank", "Learners earn credits and signed certificates that anyone can verify.", "Courses")]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<CreditBankDbContext, SqliteCreditBankDbContext, PostgresCreditBankDbContext>();
        services.AddScoped<IPersonalData, CreditBankPersonalData>();
        services.AddOptions<CreditBankOptions>().Bind(configuration.GetSection("CreditBank"));
        services.AddScoped<CreditLedger>();
        services.AddScoped<LedgerVerification>();
        services.AddScoped<IssuerKeys>();
        services.AddScoped<CredentialIssuer>();
        services.AddScoped<CredentialVerifier>();
        services.AddSingleton<RemoteStatusLists>();
        services.AddHttpClient(RemoteStatusLists.Client, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<Recognitions>();
        services.AddScoped<StatusList>();
        services.AddScoped<Revocations>();
        services.AddScoped<Admin.CredentialSearch>();
        services.AddScoped<Awards>();
        services.AddEmail<CertificateEmail>();
        services.AddScoped<LearningAccounts>();
        services.AddScoped<CourseCompletedRule>();
        services.AddScoped<IDomainEventHandler<CourseCompleted>>(sp => sp.GetRequiredService<CourseCompletedRule>());
        services.AddScoped<PaidUnits>();
        services.AddScoped<IRecurringJob, MissedCompletions>();
        services.AddScoped<EarlierLearning>();
        services.AddScoped<IOutboxHandler>(sp => sp.GetRequiredService<EarlierLearning>());
        services.AddScoped<IDomainEventHandler<LiveClassAttended>, LiveClassMinutesRule>();
        services.AddSingleton<EditableFramework>();
        services.AddSingleton<ICompetencyFrameworkSource>(sp => sp.GetRequiredService<EditableFramework>());
        services.AddScoped<IRecipeStep, FrameworkStep>();
        services.AddScoped<IRecipeStep, UnitsStep>();
        services.AddSingleton<BundledUnits>();
        services.AddScoped<Admin.UnitUpdates>();
        services.AddScoped<IAdminNoticeSource, Admin.UnitUpdateNotices>();
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }
}
