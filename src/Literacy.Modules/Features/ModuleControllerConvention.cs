using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Literacy.Modules.Features;

/// <summary>
/// Gives every controller that lives in a module the module id as its MVC area (so its views are found
/// under Areas/{ModuleId}/Views) and the module's first feature as its gate, unless it names another.
/// </summary>
public sealed class ModuleControllerConvention(ModuleCatalog catalog) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var module = catalog.ModuleOf(controller.ControllerType.Assembly);
        if (module is null)
        {
            return;
        }

        controller.RouteValues["area"] = module.Manifest.Id;
        if (controller.Attributes.OfType<FeatureAttribute>().Any())
        {
            return;
        }

        var gate = new FeatureAttribute(module.Manifest.Features[0].Id);
        foreach (var selector in controller.Selectors)
        {
            selector.EndpointMetadata.Add(gate);
        }
    }
}
