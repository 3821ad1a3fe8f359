using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules.Features;

/// <summary>
/// The site's enabled features and theme, held in memory for the request path
/// and written through <see cref="ISiteStateStore"/>. One instance per process.
/// </summary>
public sealed class SiteState(ModuleCatalog catalog, IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile SiteSnapshot _snapshot = SiteSnapshot.Empty;

    public string? ThemeId => _snapshot.ThemeId;

    public bool IsEnabled(string featureId) =>
        _snapshot.EnabledFeatures.Contains(featureId)
        || (catalog.Features.Contains(featureId) && catalog.Features.Get(featureId).AlwaysEnabled);

    public FeatureChange PlanEnable(string featureId)
    {
        if (!catalog.Features.Contains(featureId))
        {
            return new FeatureChange(featureId, true, [], $"There is no feature '{featureId}'.");
        }

        var others = catalog.Features.WithDependencies(featureId)
            .Where(id => !IsEnabled(id) && !string.Equals(id, featureId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new FeatureChange(catalog.Features.Get(featureId).Id, true, others, null);
    }

    public FeatureChange PlanDisable(string featureId)
    {
        if (!catalog.Features.Contains(featureId))
        {
            return new FeatureChange(featureId, false, [], $"There is no feature '{featureId}'.");
        }

        var affected = catalog.Features.WithDependants(featureId).Where(IsEnabled).ToList();
        var alwaysOn = affected.Where(id => catalog.Features.Get(id).AlwaysEnabled).ToList();
        var refusal = alwaysOn.Count > 0
            ? $"'{featureId}' cannot be switched off: {string.Join(", ", alwaysOn)} must always be on."
            : null;
        var others = affected.Where(id => !string.Equals(id, featureId, StringComparison.OrdinalIgnoreCase)).ToList();
        return new FeatureChange(catalog.Features.Get(featureId).Id, false, others, refusal);
    }

    /// <summary>Applies a plan. Refuses one that touches other features unless the administrator confirmed it.</summary>
    public async Task ApplyAsync(FeatureChange change, bool confirmed, CancellationToken cancellationToken = default)
    {
        if (change.IsRefused)
        {
            throw new FeatureChangeRefusedException(change.Refusal!);
        }

        if (change.NeedsConfirmation && !confirmed)
        {
            var verb = change.Enable ? "switches on" : "switches off";
            throw new FeatureChangeRefusedException(
                $"Changing '{change.FeatureId}' also {verb} {string.Join(", ", change.AlsoChanged)}; confirm to go ahead.");
        }

        var all = change.AlsoChanged.Append(change.FeatureId).ToList();
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISiteStateStore>();
        await store.SaveFeaturesAsync(change.Enable ? all : [], change.Enable ? [] : all, cancellationToken);
        await ReloadAsync(cancellationToken);
        await ForgetCachedPagesAsync(scope.ServiceProvider, cancellationToken);
    }

    public async Task SetThemeAsync(string themeId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISiteStateStore>().SaveThemeAsync(themeId, cancellationToken);
        await ReloadAsync(cancellationToken);
        await ForgetCachedPagesAsync(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>Cached pages show menus and the theme: a switch makes them stale on this node at once (others expire in seconds).</summary>
    private static async Task ForgetCachedPagesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<IOutputCacheStore>() is { } pages)
        {
            await pages.EvictByTagAsync(OutputCaching.LearnerPages, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the switches again, one read at a time: the periodic refresh's read, begun just before an administrator's
    /// switch and slow to return, would otherwise land after the switch's own read and put the old switches back.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            _snapshot = await scope.ServiceProvider.GetRequiredService<ISiteStateStore>().LoadAsync(cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
    }
}

public sealed class FeatureChangeRefusedException(string message) : Exception(message);
