using System.Text.RegularExpressions;
using System.Xml.Linq;
using Literacy.Testing;
using Literacy.Web.Localization;
using Microsoft.Extensions.Configuration;

namespace Literacy.Web.Tests;

/// <summary>Every UI string a project asks its localizer for has a translation in each shipped language.</summary>
public sealed partial class LocalizationTests
{
    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex Lookup();

    /// <summary>The shipped languages: the default of the setting. A language an operator adds may fall back to English.</summary>
    private static readonly string[] Cultures = SiteCultures.Default.Split(',');

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

    [Fact]
    public void The_languages_come_from_one_setting_and_each_is_named_in_its_own_script()
    {
        static SiteCultures With(string? value) => SiteCultures.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SiteCultures.Setting] = value }).Build());

        Assert.Equal(["zh-CN", "en"], With(null).All.Select(c => c.Name));
        var three = With(" zh-CN, en ,ug-CN");
        Assert.Equal(["zh-CN", "en", "ug-CN"], three.All.Select(c => c.Name));
        Assert.Equal(["中文", "English", "ئۇيغۇرچە"], three.All.Select(three.NativeName));
        Assert.True(three.All[2].TextInfo.IsRightToLeft);
        Assert.True(three.Speaks("ug-CN"));
        Assert.False(With(null).Speaks("ug-CN"));
        var wrong = Assert.Throws<InvalidOperationException>(() => With("zh-CN,klingon-XX"));
        Assert.Contains("Localization:Cultures names 'klingon-XX'", wrong.Message, StringComparison.Ordinal);
    }
}
