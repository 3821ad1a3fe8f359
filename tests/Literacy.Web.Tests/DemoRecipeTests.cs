using System.Net;
using Literacy.Data;
using Literacy.Testing;
using Literacy.Web.Setup;

namespace Literacy.Web.Tests;

/// <summary>The setup page's demo option goes through the demo recipe, as an administrator's action would.</summary>
public sealed class DemoRecipeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Setup_with_demo_users_shows_their_one_time_passwords_once_and_they_work(DatabaseProvider provider)
    {
        await using var site = PlatformFactory.On(provider);
        var client = site.Visitor();
        var token = site.Service<SetupToken>().Value!;
        using var done = await client.SubmitAsync($"/setup?token={token}", "/setup", new Dictionary<string, string>
        {
            ["DisplayName"] = "Admin", ["Email"] = People.AdminEmail, ["Password"] = People.Password, ["AddDemoUsers"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var notes = (await done.ParseAsync()).QuerySelectorAll("main code").Select(c => c.TextContent).ToList();
        Assert.Equal(4, notes.Count);
        var trainer = notes.Single(n => n.StartsWith("Trainer: ", StringComparison.Ordinal));
        var parts = trainer["Trainer: ".Length..].Split(" / ");

        using var signedIn = await site.Visitor().SignInAsync(parts[0], parts[1]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }
}
