using System.Reflection;
using Literacy.Modules.Features;

namespace Literacy.Modules;

/// <summary>The explicit list of compiled-in modules. No assembly scanning: the host names each one.</summary>
public sealed class ModuleCatalog
{
    public ModuleCatalog(IEnumerable<IModule> modules)
    {
        Modules = modules.ToList();
        var duplicate = Modules.GroupBy(m => m.Manifest.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModuleCatalogException($"Two modules share the id '{duplicate.Key}'.");
        }

        Features = new FeatureGraph(Modules.SelectMany(m => m.Manifest.Features));
    }

    public IReadOnlyList<IModule> Modules { get; }

    public FeatureGraph Features { get; }

    public static ModuleCatalog Of(params Type[] moduleTypes) =>
        new(moduleTypes.Select(t => (IModule)(Activator.CreateInstance(t)
            ?? throw new ModuleCatalogException($"Cannot create module {t.Name}."))));

    /// <summary>The module whose code lives in the given assembly, if any.</summary>
    public IModule? ModuleOf(Assembly assembly) =>
        Modules.FirstOrDefault(m => m.GetType().Assembly == assembly);
}

public sealed class ModuleCatalogException(string message) : Exception(message);
