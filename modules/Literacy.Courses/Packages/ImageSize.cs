using System.Buffers.Binary;

namespace Literacy.Courses.Packages;

/// <summary>
/// The pixel size of a PNG, JPEG or WebP picture, read from its header at install. A lesson's pictures load lazily; with
/// their size in the page, the text keeps its place while they load instead of jumping under the reader's eyes.
/// </summary>
internal static class ImageSize
{
    public static (int Width, int Height)? Of(ReadOnlySpan<byte> image) =>
        image.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? Png(image)
        : image.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8]) ? Jpeg(image)
        : image.Length >= 12 && image[..4].SequenceEqual("RIFF"u8) && image[8..12].SequenceEqual("WEBP"u8) ? WebP(image)
        : null;

    // The first chunk is IHDR: width and height, big-endian, at 16 and 20.
    private static (int, int)? Png(ReadOnlySpan<byte> b) =>
        b.Length >= 24 && b[12..16].SequenceEqual("IHDR"u8) ? Valid(BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..])) : null;

    // Segments follow one another, each a marker and its length, up to the start of frame (SOF) that holds the size.
    private static (int, int)? Jpeg(ReadOnlySpan<byte> b)
    {
        var at = 2;
        while (at + 9 <= b.Length && b[at] == 0xFF)
        {
            var marker = b[at + 1];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return Valid(BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..]));
            }

            at += 2 + BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
        }

        return null;
    }

    // Lossy (VP8), lossless (VP8L) or extended (VP8X), each with the size in its own place.
    private static (int, int)? WebP(ReadOnlySpan<byte> b)
    {
        if (b.Length < 30)
        {
            return null;
        }

        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return Valid(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return Valid((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        return chunk.SequenceEqual("VP8X"u8) ? Valid(Int24(b[24..]) + 1, Int24(b[27..]) + 1) : null;
    }

    private static int Int24(ReadOnlySpan<byte> b) => b[0] | (b[1] << 8) | (b[2] << 16);

    private static (int, int)? Valid(int width, int height) => width is > 0 and <= 20_000 && height is > 0 and <= 20_000 ? (width, height) : null;
}
