using Literacy.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Testing;

/// <summary>A site of its own whose database contexts all carry <paramref name="fault"/>: a failure a test arms and disarms.</summary>
public sealed class FaultySite(DatabaseProvider provider, IInterceptor fault) : PlatformFactory(TestDatabase.Create(provider))
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(fault));
    }
}
