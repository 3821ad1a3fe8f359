namespace Literacy.CreditBank.Data;

/// <summary>
/// Maps a trusted issuer's achievement to one of our certification units. <see cref="AnyAchievement"/> maps every
/// achievement of that issuer that no more specific rule names.
/// </summary>
public sealed class ConversionRule
{
    public const string AnyAchievement = "*";

    public int Id { get; set; }

    public required string IssuerId { get; set; }

    public required string AchievementId { get; set; }

    public required string UnitId { get; set; }
}
