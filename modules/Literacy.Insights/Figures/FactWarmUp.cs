using Literacy.Modules.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Insights.Figures;

/// <summary>
/// Reads the facts into memory once the site has started, so that the first administrator after a restart does not wait
/// for the read (seconds with a large programme). Later reads happen in the background as pages ask for them.
/// </summary>
public sealed class FactWarmUp(FactSnapshot snapshot, SiteState site, IOptions<InsightsOptions> options, ILogger<FactWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!site.IsEnabled(InsightsModule.Id) || options.Value.RefreshSeconds <= 0)
        {
            return; // a site that reads on every page has nothing to keep warm
        }

        await Task.Yield(); // start-up goes on; the read runs beside it
        try
        {
            await snapshot.CurrentAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reading the insights facts at start failed; the first page will read them");
        }
    }
}
