namespace Literacy.Modules.Competencies;

/// <summary>The framework as shipped in content/frameworks/digcomp-2.2.json, read once.</summary>
public sealed class BundledFramework(string path) : ICompetencyFrameworkSource
{
    private readonly Lazy<CompetencyFramework> framework = new(() => CompetencyFramework.Load(path));

    public CompetencyFramework Framework => framework.Value;

    public Task<CompetencyFramework> CurrentAsync(CancellationToken cancellationToken) => Task.FromResult(framework.Value);
}
