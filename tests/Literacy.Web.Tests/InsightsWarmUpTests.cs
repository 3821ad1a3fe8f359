using System.Net;
using Literacy.Data;
using Literacy.Testing;

namespace Literacy.Web.Tests;

/// <summary>Insights with the default refresh: the facts are read once the site has started, before anyone asks.</summary>
public sealed class InsightsWarmUpTests
{
    private const string FactsRead = "Read the insights facts";

    [Fact]
    public async Task The_facts_are_read_when_the_site_starts_so_the_first_page_does_not_wait_for_them()
    {
        await using var site = new PlatformFactory(TestDatabase.Create(DatabaseProvider.Sqlite));
        _ = site.Services; // started; nobody has opened a page

        var until = DateTime.UtcNow.AddSeconds(60);
        while (Reads(site) == 0)
        {
            Assert.True(DateTime.UtcNow < until, "the facts were not read after the start");
            await Task.Delay(100);
        }

        var admin = await site.AdminAsync();
        using var page = await admin.GetAsync("/admin/insights");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, Reads(site)); // the first page showed the facts read at start
    }

    private static int Reads(PlatformFactory site) => site.Log.Lines.Count(l => l.Contains(FactsRead, StringComparison.Ordinal));
}
