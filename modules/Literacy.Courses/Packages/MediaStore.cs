using System.Security.Cryptography;
using Literacy.Data;
using Microsoft.Extensions.Options;

namespace Literacy.Courses.Packages;

/// <summary>
/// Media bytes on disk, named by their SHA-256, so that writing them before the database commit is harmless:
/// a failed install leaves at most an unreferenced file, and versions share identical files.
/// </summary>
public sealed class MediaStore(IOptions<DatabaseOptions> options)
{
    private string Root => Path.Combine(options.Value.DataFolder, "media");

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var hash = Hash(content);
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, content, cancellationToken);
        File.Move(temp, path, overwrite: true);
        return hash;
    }
}
