using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules;

/// <summary>
/// A feature module. Its services are registered once, whatever is enabled;
/// a disabled feature is gated at the edges (routes, menus, permissions, jobs).
/// </summary>
public interface IModule
{
    ModuleManifest Manifest { get; }

    void ConfigureServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps hubs and APIs. Controllers are found by MVC and gated by convention.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }
}
