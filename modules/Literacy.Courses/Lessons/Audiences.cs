namespace Literacy.Courses.Lessons;

/// <summary>The English resource key for each audience id of course.json.</summary>
public static class Audiences
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["elderly"] = "Older people",
        ["farmers"] = "Farmers",
        ["workers"] = "Industrial workers",
        ["civil-servants"] = "Civil servants",
        ["women"] = "Women",
        ["disabled"] = "People with disabilities",
        ["general"] = "Everyone",
    };
}
