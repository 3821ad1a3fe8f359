namespace Literacy.Web.Data;

/// <summary>Whether an administrator has switched a feature on. No row means off.</summary>
public sealed class FeatureSwitch
{
    public required string FeatureId { get; set; }

    public bool Enabled { get; set; }

    public DateTime ChangedUtc { get; set; } = DateTime.UtcNow;
}
