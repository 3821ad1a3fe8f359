using Literacy.Modules.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Insights.Figures;

/// <summary>
/// Reads the facts into memory once the site has started, so that the first administrator after a restart does not wait
/// for the read (seconds with a large programme). Later reads happen in the background as pages ask for them. Start-up
/// does not wait for it: since .NET 10 the whole of ExecuteAsync runs in the background.
/// </summary>
public sealed class FactWarmUp(FactSnapshot snapshot, SiteState site, IOptions<InsightsOptions> options, ILogger<FactWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!site.IsEnabled(InsightsModule.Id) || options.Value.RefreshSeconds <= 0)
        {
            return; // a site that reads on every page has nothing to keep warm
        }

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
