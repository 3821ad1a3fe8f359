using System.Text;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

/// <summary>The media a package may carry, recognised by extension and by the file's first bytes, never by name alone.</summary>
internal static class MediaTypes
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Looks)> Allowed = new()
    {
        [".png"] = ("image/png", b => StartsWith(b, 0, 0x89, 0x50, 0x4E, 0x47)),
        [".jpg"] = ("image/jpeg", b => StartsWith(b, 0, 0xFF, 0xD8, 0xFF)),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, 0, 0xFF, 0xD8, 0xFF)),
        [".webp"] = ("image/webp", b => StartsWith(b, 0, "RIFF"u8) && StartsWith(b, 8, "WEBP"u8)),
        [".mp4"] = ("video/mp4", b => StartsWith(b, 4, "ftyp"u8)),
        [".webm"] = ("video/webm", b => StartsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)),
        [".mp3"] = ("audio/mpeg", b => StartsWith(b, 0, "ID3"u8) || StartsWith(b, 0, 0xFF, 0xFB) || StartsWith(b, 0, 0xFF, 0xF3)),
        [".ogg"] = ("audio/ogg", b => StartsWith(b, 0, "OggS"u8)),
        [".vtt"] = ("text/vtt", b => Encoding.UTF8.GetString(b.AsSpan(0, Math.Min(b.Length, 16))).TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal)),
    };

    public static string? ContentType(string path) => Allowed.GetValueOrDefault(Path.GetExtension(path).ToLowerInvariant()).ContentType;

    /// <summary>Null when the file may be stored; otherwise what is wrong with it.</summary>
    public static PackageProblem? Check(string path, byte[] content, PackageLimits limits)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".svg" or ".html" or ".htm" or ".xhtml" or ".js" or ".xml")
        {
            return CourseProblems.At(path, 0, "{0} files are not allowed as media: they can carry scripts. Use PNG, JPEG or WebP images.", extension);
        }

        if (!Allowed.TryGetValue(extension, out var type))
        {
            return CourseProblems.At(path, 0, "{0} is not an allowed media type. Allowed: {1}.", extension, string.Join(", ", Allowed.Keys));
        }

        if (!type.Looks(content))
        {
            return CourseProblems.At(path, 0, "The file's content is not {0}, whatever its name says.", type.ContentType);
        }

        var max = type.ContentType.StartsWith("image/", StringComparison.Ordinal) ? limits.MaxImageBytes : limits.MaxFileBytes;
        return content.Length > max ? CourseProblems.At(path, 0, "The file is {0} KB; at most {1} KB is allowed for this type.", content.Length / 1024, max / 1024) : null;
    }

    private static bool StartsWith(byte[] bytes, int at, params byte[] prefix) =>
        bytes.Length >= at + prefix.Length && bytes.AsSpan(at, prefix.Length).SequenceEqual(prefix);

    private static bool StartsWith(byte[] bytes, int at, ReadOnlySpan<byte> prefix) =>
        bytes.Length >= at + prefix.Length && bytes.AsSpan(at, prefix.Length).SequenceEqual(prefix);
}
