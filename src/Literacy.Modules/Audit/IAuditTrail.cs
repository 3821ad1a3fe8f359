using Microsoft.EntityFrameworkCore;

namespace Literacy.Modules.Audit;

/// <summary>Records an administrative action or a credit change: who did it is taken from the current request.</summary>
public interface IAuditTrail
{
    /// <param name="action">What was done, e.g. "feature.enabled".</param>
    /// <param name="target">What it was done to, e.g. the feature id.</param>
    /// <param name="details">Anything else worth keeping, in plain words.</param>
    Task RecordAsync(string action, string target, string? details = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records it inside the transaction open on <paramref name="within"/> (any module's context), so that the change and
    /// its record commit together or not at all.
    /// </summary>
    Task RecordAsync(DbContext within, string action, string target, string? details = null, CancellationToken cancellationToken = default);
}
