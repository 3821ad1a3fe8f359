namespace Literacy.Modules.Features;

/// <summary>
/// Endpoint metadata: the feature that must be on for the endpoint to exist.
/// Module controllers get it by convention; put it on a controller to name another feature of the module.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class FeatureAttribute(string featureId) : Attribute
{
    public string FeatureId { get; } = featureId;
}
