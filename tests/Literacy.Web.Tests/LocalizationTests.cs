using System.Text.RegularExpressions;
using System.Xml.Linq;
using Literacy.Testing;

namespace Literacy.Web.Tests;

/// <summary>Every UI string a project asks its localizer for has a translation in each shipped language.</summary>
public sealed partial class LocalizationTests
{
    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Lookup();

    private static readonly string[] Cultures = ["zh-CN", "en"];

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "src", "modules", "themes" }.SelectMany(f => Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, f))))
        {
            if (Directory.Exists(Path.Combine(folder, "Resources")))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, folder));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_text_the_project_shows_is_translated_in_every_culture(string project)
    {
        var folder = Path.Combine(RepoPaths.Root, project);
        var used = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet();
        Assert.NotEmpty(used);
        foreach (var culture in Cultures)
        {
            var resx = Directory.EnumerateFiles(Path.Combine(folder, "Resources"), $"*.{culture}.resx").Single();
            var keys = XDocument.Load(resx).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();
            var missing = used.Where(k => !keys.Contains(k)).Order().ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(resx)} lacks:\n{string.Join('\n', missing)}");
        }
    }
}
