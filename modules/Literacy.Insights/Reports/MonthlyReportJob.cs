using Literacy.Modules.Jobs;

namespace Literacy.Insights.Reports;

/// <summary>On the first of each month, writes the report of the month just ended.</summary>
public sealed class MonthlyReportJob(ReportWriter writer) : IRecurringJob
{
    public string Id => "insights.monthly-report";

    public string FeatureId => InsightsModule.Id;

    public string Cron => "0 2 1 * *";

    public async Task RunAsync(CancellationToken cancellationToken) =>
        await writer.WriteAsync(writer.LastWholeMonth(), cancellationToken);
}
