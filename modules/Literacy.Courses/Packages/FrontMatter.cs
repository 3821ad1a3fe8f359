namespace Literacy.Courses.Packages;

/// <summary>The "key: value" lines between two --- lines at the top of a lesson.</summary>
internal static class FrontMatter
{
    /// <returns>The values (null if there is no front matter), the Markdown body, and how many lines precede the body.</returns>
    public static (Dictionary<string, string>? Values, string Body, int LineOffset) Split(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 3 || lines[0].Trim() != "---")
        {
            return (null, text, 0);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == "---")
            {
                return (values, string.Join('\n', lines[(i + 1)..]), i + 1);
            }

            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
        }

        return (null, text, 0);
    }
}
