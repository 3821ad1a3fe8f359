namespace Literacy.CreditBank.Data;

/// <summary>An area of the competency framework as the administrators keep it (seeded from the bundled file).</summary>
public sealed class FrameworkArea
{
    public required string Id { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The national outline's dimensions this area covers, comma-separated, e.g. "security,ethics".</summary>
    public required string Outline { get; set; }
}

public sealed class FrameworkCompetency
{
    public required string Id { get; set; }

    public required string AreaId { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }
}

public sealed class FrameworkLevel
{
    public int Level { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }
}
