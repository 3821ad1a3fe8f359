using System.IO.Compression;
using Literacy.Courses.Packages;

using Literacy.Testing;

namespace Literacy.Courses.Tests;

/// <summary>The zip itself: unsafe paths, links and bombs are refused before anything is expanded further.</summary>
public sealed class ZipTests
{
    private static PackageContents Read(Action<ZipArchive> build, PackageLimits? limits = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            build(zip);
        }

        stream.Position = 0;
        return PackageContents.FromZip(stream, limits ?? new PackageLimits());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name).Open();
        entry.Write(content);
    }

    [Fact]
    public void A_zip_of_the_course_folder_reads_like_its_contents()
    {
        using var stream = new MemoryStream(TestPackage.Valid().Zip("phone-safety"));
        var contents = PackageContents.FromZip(stream, new PackageLimits());
        Assert.Empty(contents.Problems);
        Assert.Contains("course.json", contents.Files.Keys);
        Assert.Contains("lessons/en/01-lock.md", contents.Files.Keys);
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("lessons/../../evil.md")]
    [InlineData("/etc/cron.d/evil")]
    [InlineData("C:/Windows/evil.dll")]
    public void Paths_that_climb_out_are_refused(string name)
    {
        var contents = Read(zip => Add(zip, name, [1, 2, 3]));
        Assert.Contains(contents.Problems, p => p.Text.Contains("points outside the package", StringComparison.Ordinal));
        Assert.Empty(contents.Files);
    }

    [Fact]
    public void Symbolic_links_are_refused()
    {
        var contents = Read(zip =>
        {
            var entry = zip.CreateEntry("media/link.png");
            entry.ExternalAttributes = unchecked((int)(0xA1FFu << 16)); // S_IFLNK | 0777
            using var s = entry.Open();
            s.Write("/etc/passwd"u8);
        });
        Assert.Contains(contents.Problems, p => p.Text.Contains("Symbolic links", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_bomb_is_stopped_by_its_compression_ratio()
    {
        var contents = Read(zip => Add(zip, "media/zeros.mp4", new byte[20 * 1024 * 1024]));
        Assert.Contains(contents.Problems, p => p.Text.Contains("looks like a zip bomb", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var contents = Read(zip =>
        {
            for (var i = 0; i < 30; i++)
            {
                Add(zip, $"media/{i}.vtt", "WEBVTT"u8.ToArray());
            }
        }, new PackageLimits { MaxEntries = 20 });
        Assert.Contains("30 entries; at most 20", Assert.Single(contents.Problems).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_total_size_is_bounded()
    {
        var contents = Read(zip =>
        {
            for (var i = 0; i < 5; i++)
            {
                Add(zip, $"media/{i}.mp4", System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000));
            }
        }, new PackageLimits { MaxTotalBytes = 1_000_000 });
        Assert.Contains(contents.Problems, p => p.Text.Contains("expands to more than", StringComparison.Ordinal));
    }

    [Fact]
    public void Something_that_is_not_a_zip_is_refused_plainly()
    {
        using var stream = new MemoryStream("this is not a zip"u8.ToArray());
        Assert.Contains("not a readable zip file", Assert.Single(PackageContents.FromZip(stream, new PackageLimits()).Problems).Text, StringComparison.Ordinal);
    }
}
