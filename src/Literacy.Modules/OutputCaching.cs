namespace Literacy.Modules;

/// <summary>The output-cache policy and tag for learner pages, shared so that a module can evict what it changed.</summary>
public static class OutputCaching
{
    /// <summary>Policy name and tag: pages shown to visitors who are not signed in (catalog, course, lesson).</summary>
    public const string LearnerPages = "learner-pages";
}
