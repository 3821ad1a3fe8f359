namespace Literacy.Modules.Jobs;

/// <summary>
/// Work a module runs on a schedule (a reminder sweep, a weekly digest, a monthly report). Register it with
/// <c>services.AddScoped&lt;IRecurringJob, MyJob&gt;()</c>; the host schedules every one with Hangfire and runs it,
/// in a fresh scope, only while its feature is on.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable and unique, e.g. "insights.monthly-report"; Hangfire knows the job by it.</summary>
    string Id { get; }

    /// <summary>The feature that must be on for the job to run.</summary>
    string FeatureId { get; }

    /// <summary>A cron expression (five fields), read in <see cref="TimeZone"/>.</summary>
    string Cron { get; }

    TimeZoneInfo TimeZone => TimeZoneInfo.Utc;

    Task RunAsync(CancellationToken cancellationToken);
}
