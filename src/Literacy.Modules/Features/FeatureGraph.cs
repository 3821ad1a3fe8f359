namespace Literacy.Modules.Features;

/// <summary>
/// The features of all modules and the dependencies between them.
/// Built once at start-up; unknown dependencies and cycles stop the host with a message naming them.
/// </summary>
public sealed class FeatureGraph
{
    private readonly Dictionary<string, FeatureManifest> _features;

    public FeatureGraph(IEnumerable<FeatureManifest> features)
    {
        _features = new Dictionary<string, FeatureManifest>(StringComparer.OrdinalIgnoreCase);
        foreach (var feature in features)
        {
            if (!_features.TryAdd(feature.Id, feature))
            {
                throw new ModuleCatalogException($"Two features share the id '{feature.Id}'.");
            }
        }

        foreach (var feature in _features.Values)
        {
            var unknown = feature.Dependencies.Where(d => !_features.ContainsKey(d)).ToList();
            if (unknown.Count > 0)
            {
                throw new ModuleCatalogException(
                    $"Feature '{feature.Id}' depends on unknown feature(s): {string.Join(", ", unknown)}.");
            }
        }

        foreach (var feature in _features.Values)
        {
            ThrowOnCycle(feature.Id, []);
        }
    }

    public IReadOnlyCollection<FeatureManifest> All => _features.Values;

    public bool Contains(string featureId) => _features.ContainsKey(featureId);

    public FeatureManifest Get(string featureId) =>
        _features.TryGetValue(featureId, out var feature)
            ? feature
            : throw new KeyNotFoundException($"There is no feature '{featureId}'.");

    /// <summary>The feature and everything it needs, transitively, dependencies first.</summary>
    public IReadOnlyList<string> WithDependencies(string featureId)
    {
        var ordered = new List<string>();
        Visit(Get(featureId).Id, ordered, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        return ordered;

        void Visit(string id, List<string> into, HashSet<string> seen)
        {
            if (!seen.Add(id))
            {
                return;
            }

            foreach (var dependency in _features[id].Dependencies)
            {
                Visit(_features[dependency].Id, into, seen);
            }

            into.Add(id);
        }
    }

    /// <summary>The feature and everything that needs it, transitively.</summary>
    public IReadOnlyList<string> WithDependants(string featureId)
    {
        var result = new List<string> { Get(featureId).Id };
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var dependant in _features.Values.Where(f => f.Dependencies.Contains(result[i], StringComparer.OrdinalIgnoreCase)))
            {
                if (!result.Contains(dependant.Id, StringComparer.OrdinalIgnoreCase))
                {
                    result.Add(dependant.Id);
                }
            }
        }

        return result;
    }

    private void ThrowOnCycle(string id, List<string> path)
    {
        if (path.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            var cycle = path.SkipWhile(p => !string.Equals(p, id, StringComparison.OrdinalIgnoreCase)).Append(id);
            throw new ModuleCatalogException($"Features depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
        }

        path.Add(id);
        foreach (var dependency in _features[id].Dependencies)
        {
            ThrowOnCycle(_features[dependency].Id, path);
        }

        path.RemoveAt(path.Count - 1);
    }
}
