namespace Literacy.Testing;

public static class RepoPaths
{
    /// <summary>The checkout's root folder, where Literacy.sln is.</summary>
    public static string Root { get; } = Find();

    /// <summary>Where another project of the checkout is built, in the configuration these tests were built in.</summary>
    public static string BuildOutput(string projectFolder)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
        return Path.Combine(Root, projectFolder, "bin", configuration, "net10.0");
    }

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
