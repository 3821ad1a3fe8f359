using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Modules.Features;

public sealed class SiteStateOptions
{
    /// <summary>How often a node re-reads the switches, so a change made on another node reaches it.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Keeps <see cref="SiteState"/> current when several nodes share one database.</summary>
public sealed class SiteStateRefresh(SiteState state, IOptions<SiteStateOptions> options, ILogger<SiteStateRefresh> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await state.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh the site's feature switches; keeping the last known state.");
            }
        }
    }
}
