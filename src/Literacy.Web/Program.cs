using Literacy.Data;
using Literacy.Jobs;
using Literacy.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformLogging();
builder.Services.AddPlatformData(builder.Configuration, builder.Environment);
builder.Services.AddPlatformIdentity();
builder.Services.AddPlatformModules(builder.Configuration);
builder.Services.AddPlatformRealtime(builder.Configuration);
builder.Services.AddPlatformJobs(builder.Configuration);
builder.Services.AddPlatformWeb();
builder.Services.AddCredentialLimits(builder.Configuration);

var app = builder.Build();

try
{
    await app.Services.GetRequiredService<DatabaseMigrator>().CheckAsync();
}
catch (DatabaseStartupException ex)
{
    // A wrong setting is the operator's to fix: one line that says how, not a stack trace.
    await Console.Error.WriteLineAsync($"Literacy cannot start: {ex.Message}");
    return 1;
}

if (args is ["recipe", var recipe])
{
    return await Literacy.Web.Setup.RecipeCommand.RunAsync(app, recipe);
}

app.UsePlatformPipeline();
app.MapPlatformEndpoints();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
