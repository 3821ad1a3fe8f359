using Literacy.Modules.Events;
using Literacy.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Testing;

/// <summary>Raises a domain event on a site as the module that makes it happen would.</summary>
public static class ModuleEvents
{
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
