using System.Xml.Linq;
using Literacy.Modules;
using Literacy.Testing;
using Literacy.Web.Hosting;

namespace Literacy.Web.Tests;

/// <summary>Keeps the module system honest: an explicit catalog, dependencies that point one way.</summary>
public sealed class ArchitectureTests
{
    private static IEnumerable<string> ProjectsUnder(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.csproj", SearchOption.AllDirectories);

    private static IEnumerable<string> ReferencedProjects(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));

    [Fact]
    public void Every_module_project_is_in_the_host_catalog()
    {
        var listed = Platform.ModuleTypes.Select(t => t.Assembly.GetName().Name).ToHashSet();
        var projects = ProjectsUnder("modules").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(projects);
        Assert.All(projects, p => Assert.Contains(p, listed));
    }

    [Fact]
    public void Every_theme_project_is_in_the_host_catalog()
    {
        var listed = Platform.ThemeTypes.Select(t => t.Assembly.GetName().Name).ToHashSet();
        Assert.All(ProjectsUnder("themes").Select(Path.GetFileNameWithoutExtension), p => Assert.Contains(p, listed));
    }

    [Fact]
    public void Modules_reference_only_the_kernel_and_the_data_layer()
    {
        var allowed = new[] { "Literacy.Modules", "Literacy.Data" };
        foreach (var project in ProjectsUnder("modules"))
        {
            var wrong = ReferencedProjects(project).Except(allowed).ToList();
            Assert.True(wrong.Count == 0, $"{Path.GetFileName(project)} references {string.Join(", ", wrong)}; modules talk through kernel interfaces and events.");
        }
    }

    [Fact]
    public void The_kernel_references_no_module_and_not_the_host()
    {
        Assert.Empty(ReferencedProjects(Path.Combine(RepoPaths.Root, "src", "Literacy.Modules", "Literacy.Modules.csproj")));
        Assert.Empty(ReferencedProjects(Path.Combine(RepoPaths.Root, "src", "Literacy.Data", "Literacy.Data.csproj")));
    }

    [Fact]
    public void Each_module_has_one_sealed_module_class_named_after_it()
    {
        foreach (var type in Platform.ModuleTypes)
        {
            Assert.True(type.IsSealed, $"{type.Name} should be sealed.");
            Assert.Single(type.Assembly.GetTypes(), t => typeof(IModule).IsAssignableFrom(t) && !t.IsAbstract);
            var project = type.Assembly.GetName().Name!;
            Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "modules", project, $"{type.Name}.cs")), $"{project} should keep its module class in {type.Name}.cs.");
        }
    }

    [Fact]
    public void The_classroom_uses_the_npm_package_of_the_SignalR_client_unchanged()
    {
        // Vendored so that the platform runs from a clone with the .NET SDK alone; this keeps it the published file.
        var vendored = Path.Combine(RepoPaths.Root, "modules", "Literacy.LiveClasses", "wwwroot", "lib", "signalr", "signalr.min.js");
        var package = Path.Combine(RepoPaths.Root, "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
        Assert.Equal(File.ReadAllBytes(package), File.ReadAllBytes(vendored));
    }
}
