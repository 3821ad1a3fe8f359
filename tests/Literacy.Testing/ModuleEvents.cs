using Literacy.Jobs.Recurring;
using Literacy.Modules.Events;
using Literacy.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Testing;

/// <summary>Makes a site's modules act now: raises a domain event as the module that makes it happen would, runs a recurring job.</summary>
public static class ModuleEvents
{
    /// <summary>Runs a module's recurring job now, as Hangfire would on its schedule; false if its feature is off.</summary>
    public static async Task<bool> RunJobAsync(this PlatformFactory site, string jobId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(jobId, CancellationToken.None);
    }

    /// <summary>Inside a transaction on the shared database, with the recorders (the courses module's enrolments, lessons and completions).</summary>
    public static async Task RecordAsync<T>(this PlatformFactory site, T domainEvent)
        where T : IDomainEvent
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<DomainEvents>().RecordWithinAsync(db, domainEvent);
        await transaction.CommitAsync();
    }

    /// <summary>After the change has committed, to the handlers.</summary>
    public static async Task PublishAsync<T>(this PlatformFactory site, T domainEvent)
        where T : IDomainEvent
    {
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DomainEvents>().PublishAsync(domainEvent);
    }
}
