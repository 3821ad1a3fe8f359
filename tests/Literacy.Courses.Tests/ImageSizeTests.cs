using Literacy.Courses.Packages;
using Literacy.Testing;

namespace Literacy.Courses.Tests;

/// <summary>Picture sizes read from the headers of the three image types a package may carry.</summary>
public sealed class ImageSizeTests
{
    /// <summary>A PNG's signature and IHDR chunk: all that is read of it.</summary>
    public static byte[] PngHeader(int width, int height) =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .."IHDR"u8, .. BigEndian(width), .. BigEndian(height), 8, 6, 0, 0, 0];

    [Fact]
    public void A_bundled_picture_is_800_by_450()
    {
        var root = Path.GetDirectoryName(TestPackage.FrameworkPath)!;
        var picture = File.ReadAllBytes(Path.Combine(root, "..", "courses", "smartphone-basics", "media", "dial-pad.png"));
        Assert.Equal((800, 450), ImageSize.Of(picture));
    }

    [Fact]
    public void A_jpeg_is_read_past_its_other_segments_to_the_start_of_frame()
    {
        byte[] jpeg =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0, 16, .."JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, // APP0, 16 bytes
            0xFF, 0xC4, 0, 4, 0, 0,                                      // a Huffman table (0xC4 is not a frame)
            0xFF, 0xC2, 0, 17, 8, 0x01, 0x68, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, // progressive frame: 360 high, 640 wide
        ];
        Assert.Equal((640, 360), ImageSize.Of(jpeg));
    }

    [Fact]
    public void The_three_kinds_of_webp_each_give_their_size()
    {
        byte[] riff = [.."RIFF"u8, 0, 0, 0, 0, .."WEBP"u8];
        byte[] lossy = [.. riff, .."VP8 "u8, 0, 0, 0, 0, 0, 0, 0, 0x9D, 0x01, 0x2A, 0x80, 0x02, 0x68, 0x01];
        byte[] lossless = [.. riff, .."VP8L"u8, 0, 0, 0, 0, 0x2F, .. LittleEndian((640 - 1) | ((360 - 1) << 14)), 0, 0, 0, 0, 0];
        byte[] extended = [.. riff, .."VP8X"u8, 10, 0, 0, 0, 0, 0, 0, 0, 0x7F, 0x02, 0x00, 0x67, 0x01, 0x00];
        Assert.Equal((640, 360), ImageSize.Of(lossy));
        Assert.Equal((640, 360), ImageSize.Of(lossless));
        Assert.Equal((640, 360), ImageSize.Of(extended));
    }

    [Fact]
    public void A_cut_off_or_unknown_header_has_no_size_and_breaks_nothing()
    {
        Assert.Null(ImageSize.Of(TestPackage.Png)); // the signature alone
        Assert.Null(ImageSize.Of(PngHeader(0, 10)));
        Assert.Null(ImageSize.Of([0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF, 0, 0, 0, 0, 0])); // a segment longer than the file
        Assert.Null(ImageSize.Of("GIF89a"u8.ToArray()));
        Assert.Null(ImageSize.Of([]));
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] LittleEndian(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];
}
