namespace Literacy.Modules;

/// <summary>What a module is and which features it offers. Names and descriptions are English resource keys.</summary>
public sealed record ModuleManifest(
    string Id,
    string Name,
    string Version,
    string Category,
    string Description,
    IReadOnlyList<FeatureManifest> Features);

/// <summary>A unit that an administrator switches on or off. Dependencies name other features by id.</summary>
public sealed record FeatureManifest(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Dependencies,
    bool AlwaysEnabled = false)
{
    public FeatureManifest(string id, string name, string description, params string[] dependencies)
        : this(id, name, description, (IReadOnlyList<string>)dependencies)
    {
    }
}
