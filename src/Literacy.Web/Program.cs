using Literacy.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformLogging();
builder.Services.AddPlatformData(builder.Configuration, builder.Environment);
builder.Services.AddPlatformIdentity();
builder.Services.AddPlatformModules(builder.Configuration);
builder.Services.AddPlatformWeb();

var app = builder.Build();

if (!await app.PrepareDatabaseAsync())
{
    return 1;
}

app.UsePlatformPipeline();
app.MapPlatformEndpoints();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
