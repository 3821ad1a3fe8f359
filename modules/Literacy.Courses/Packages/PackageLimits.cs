namespace Literacy.Courses.Packages;

/// <summary>What a course package may weigh. Bounds every upload, so a zip bomb stops early.</summary>
public sealed class PackageLimits
{
    public int MaxEntries { get; set; } = 2_000;

    public long MaxTotalBytes { get; set; } = 200L * 1024 * 1024;

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public long MaxImageBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>How many times larger than its compressed size an entry may expand.</summary>
    public int MaxCompressionRatio { get; set; } = 100;
}
