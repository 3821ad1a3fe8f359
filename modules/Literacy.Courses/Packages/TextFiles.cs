using System.Text;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

internal static class TextFiles
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 strictly; invalid bytes are a problem naming the line where they are.</summary>
    public static bool TryDecode(byte[] bytes, string file, List<PackageProblem> problems, out string text)
    {
        try
        {
            text = Strict.GetString(bytes).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes.AsSpan(0, Math.Max(0, ex.Index)).Count((byte)'\n');
            problems.Add(CourseProblems.At(file, line, "The file is not valid UTF-8 text. Save it as UTF-8."));
            text = string.Empty;
            return false;
        }
    }
}
