using Literacy.Modules.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules.Tests;

public sealed class SiteStateTests
{
    /// <summary>Keeps the switches in memory: the logic under test is the planning, not storage.</summary>
    private sealed class MemoryStore : ISiteStateStore
    {
        public HashSet<string> Enabled { get; } = new(StringComparer.OrdinalIgnoreCase);

        public string? Theme { get; private set; }

        public int Saves { get; private set; }

        /// <summary>Makes the next read slow, as a busy database does: it reads the switches at once and answers when this completes.</summary>
        public TaskCompletionSource? SlowNextRead { get; set; }

        public async Task<SiteSnapshot> LoadAsync(CancellationToken cancellationToken)
        {
            var read = new SiteSnapshot(new HashSet<string>(Enabled, StringComparer.OrdinalIgnoreCase), Theme);
            if (SlowNextRead is { } slow)
            {
                SlowNextRead = null;
                await slow.Task;
            }

            return read;
        }

        public Task SaveFeaturesAsync(IReadOnlyCollection<string> enable, IReadOnlyCollection<string> disable, CancellationToken cancellationToken)
        {
            Saves++;
            Enabled.UnionWith(enable);
            Enabled.ExceptWith(disable);
            return Task.CompletedTask;
        }

        public Task SaveThemeAsync(string themeId, CancellationToken cancellationToken)
        {
            Theme = themeId;
            return Task.CompletedTask;
        }
    }

    private sealed class TestModule(params FeatureManifest[] features) : IModule
    {
        public ModuleManifest Manifest { get; } = new("Test", "Test", "1.0.0", "Test", "Test", features);

        public void ConfigureServices(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
        {
        }
    }

    private static (SiteState State, MemoryStore Store) Site(params string[] enabled)
    {
        var store = new MemoryStore();
        store.Enabled.UnionWith(enabled);
        var services = new ServiceCollection().AddSingleton<ISiteStateStore>(store).BuildServiceProvider();
        var catalog = new ModuleCatalog([new TestModule(
            new FeatureManifest("Core", "Core", "Core", [], AlwaysEnabled: true),
            new FeatureManifest("Courses", "Courses", "Courses", "Core"),
            new FeatureManifest("Assessments", "Assessments", "Assessments", "Courses"),
            new FeatureManifest("CreditBank", "CreditBank", "CreditBank", "Assessments"))]);
        var state = new SiteState(catalog, services.GetRequiredService<IServiceScopeFactory>());
        state.ReloadAsync().GetAwaiter().GetResult();
        return (state, store);
    }

    [Fact]
    public void Planning_to_enable_lists_the_dependencies_that_are_still_off()
    {
        var (state, _) = Site("Courses");
        var plan = state.PlanEnable("CreditBank");
        Assert.Equal(["Assessments"], plan.AlsoChanged);
        Assert.True(plan.NeedsConfirmation);
    }

    [Fact]
    public void Planning_to_disable_lists_the_dependants_that_are_on()
    {
        var (state, _) = Site("Courses", "Assessments", "CreditBank");
        Assert.Equal(["Assessments", "CreditBank"], state.PlanDisable("Courses").AlsoChanged);
    }

    [Fact]
    public async Task An_unconfirmed_change_that_touches_others_is_refused_and_nothing_changes()
    {
        var (state, store) = Site("Courses", "Assessments");
        var ex = await Assert.ThrowsAsync<FeatureChangeRefusedException>(() => state.ApplyAsync(state.PlanDisable("Courses"), confirmed: false));
        Assert.Contains("Assessments", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Saves);
        Assert.True(state.IsEnabled("Assessments"));
    }

    [Fact]
    public async Task A_confirmed_change_switches_the_feature_and_its_dependants_together()
    {
        var (state, store) = Site("Courses", "Assessments", "CreditBank");
        await state.ApplyAsync(state.PlanDisable("Courses"), confirmed: true);
        Assert.False(state.IsEnabled("Courses"));
        Assert.False(state.IsEnabled("CreditBank"));
        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public async Task Enabling_pulls_in_dependencies()
    {
        var (state, _) = Site();
        await state.ApplyAsync(state.PlanEnable("Assessments"), confirmed: true);
        Assert.True(state.IsEnabled("Courses"));
        Assert.True(state.IsEnabled("Assessments"));
        Assert.False(state.IsEnabled("CreditBank"));
    }

    [Fact]
    public async Task A_slow_refresh_begun_before_a_switch_does_not_put_the_old_switches_back()
    {
        var (state, store) = Site();
        var slowDatabase = new TaskCompletionSource();
        store.SlowNextRead = slowDatabase;
        var refresh = state.ReloadAsync(); // the periodic refresh has read "Courses off" and waits for the database
        var change = state.ApplyAsync(state.PlanEnable("Courses"), confirmed: true);
        slowDatabase.SetResult();
        await Task.WhenAll(refresh, change);
        Assert.True(state.IsEnabled("Courses"));
    }

    [Fact]
    public void An_always_on_feature_is_on_without_being_stored_and_cannot_be_switched_off()
    {
        var (state, _) = Site();
        Assert.True(state.IsEnabled("Core"));
        var plan = state.PlanDisable("Core");
        Assert.True(plan.IsRefused);
        Assert.Contains("must always be on", plan.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_feature_is_refused_by_name()
    {
        var (state, _) = Site();
        Assert.Equal("There is no feature 'Nope'.", state.PlanEnable("Nope").Refusal);
    }
}
