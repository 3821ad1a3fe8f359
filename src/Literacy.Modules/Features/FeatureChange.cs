namespace Literacy.Modules.Features;

/// <summary>
/// What switching one feature would do: the features it switches on with it (dependencies)
/// or off with it (dependants). A plan that touches others needs the administrator's confirmation.
/// </summary>
public sealed record FeatureChange(string FeatureId, bool Enable, IReadOnlyList<string> AlsoChanged, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public bool NeedsConfirmation => AlsoChanged.Count > 0;
}
