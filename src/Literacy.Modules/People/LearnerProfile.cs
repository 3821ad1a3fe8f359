using Literacy.Modules.Events;

namespace Literacy.Modules.People;

/// <summary>
/// What a learner may choose to tell about themselves, each part optional (null: not told). The host keeps it; other
/// modules learn of it only through <see cref="LearnerProfileChanged"/>, and only as these coarse codes.
/// </summary>
public sealed record LearnerProfile(string? AgeBand, string? Region, string? OccupationGroup)
{
    public static LearnerProfile Untold { get; } = new(null, null, null);

    public static IReadOnlyList<string> AgeBands { get; } = ["under-30", "30-44", "45-59", "60-69", "70-plus"];

    public static IReadOnlyList<string> OccupationGroups { get; } =
        ["farmer", "industrial-worker", "civil-servant", "self-employed", "retired", "homemaker", "student", "other"];

    /// <summary>True when every part is either untold or one of the known codes.</summary>
    public bool IsValid =>
        (AgeBand is null || AgeBands.Contains(AgeBand))
        && (Region is null || Regions.Find(Region) is not null)
        && (OccupationGroup is null || OccupationGroups.Contains(OccupationGroup));
}

/// <summary>A learner set, changed or erased their profile (erased: every part null). Raised by the host after it is saved.</summary>
public sealed record LearnerProfileChanged(Guid EventId, string UserId, LearnerProfile Profile) : IDomainEvent;
