namespace Literacy.Testing;

public static class RepoPaths
{
    /// <summary>The checkout's root folder, where Literacy.sln is.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Literacy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find Literacy.sln above " + AppContext.BaseDirectory);
    }
}
