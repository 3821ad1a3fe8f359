using Literacy.Modules.Features;
using Literacy.Modules.Navigation;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Literacy.Modules.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules;

public static class ModuleHosting
{
    /// <summary>Registers the kernel, every module's services (once, whatever is enabled) and the themes.</summary>
    public static IServiceCollection AddModules(
        this IServiceCollection services, IConfiguration configuration, ModuleCatalog modules, ThemeCatalog themes)
    {
        services.AddSingleton(modules);
        services.AddSingleton(themes);
        services.AddSingleton<SiteState>();
        services.AddOptions<SiteStateOptions>();
        services.AddHostedService<SiteStateRefresh>();
        services.AddSingleton<PermissionCatalog>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<Navigation.Navigation>();
        services.AddScoped<AdminNotices>();
        services.AddScoped<Events.DomainEvents>();
        services.AddScoped<RecipeRunner>();
        services.AddScoped<IRecipeStep, FeaturesStep>();
        services.AddScoped<IRecipeStep, ThemeStep>();

        services.Configure<MvcOptions>(o => o.Conventions.Add(new ModuleControllerConvention(modules)));
        services.Configure<RazorViewEngineOptions>(o => o.ViewLocationExpanders.Add(new ThemeViewLocationExpander()));

        foreach (var module in modules.Modules)
        {
            module.ConfigureServices(services, configuration);
        }

        return services;
    }

    /// <summary>Makes sure MVC sees every module's and theme's controllers and compiled views.</summary>
    public static IMvcBuilder AddModuleParts(this IMvcBuilder mvc, ModuleCatalog modules, params Type[] themeTypes)
    {
        var assemblies = modules.Modules.Select(m => m.GetType().Assembly).Concat(themeTypes.Select(t => t.Assembly)).Distinct();
        foreach (var assembly in assemblies)
        {
            if (!mvc.PartManager.ApplicationParts.Any(p => p is AssemblyPart a && a.Assembly == assembly))
            {
                mvc.PartManager.ApplicationParts.Add(new AssemblyPart(assembly));
            }
        }

        return mvc;
    }

    /// <summary>404 for endpoints of switched-off features. Call after UseRouting.</summary>
    public static IApplicationBuilder UseFeatureGates(this IApplicationBuilder app) =>
        app.UseMiddleware<FeatureGateMiddleware>();

    /// <summary>Maps each module's hubs and APIs behind its first feature's gate.</summary>
    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder endpoints)
    {
        foreach (var module in endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            var group = endpoints.MapGroup(string.Empty).WithMetadata(new FeatureAttribute(module.Manifest.Features[0].Id));
            module.MapEndpoints(group);
        }

        return endpoints;
    }
}
