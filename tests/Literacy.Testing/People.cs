using System.Net;
using Literacy.Web.Setup;

namespace Literacy.Testing;

/// <summary>The people of a test site, each with a browser-like client that keeps cookies and does not follow redirects.</summary>
public static class People
{
    public const string AdminEmail = "admin@test.literacy.local";
    public const string Password = "a quiet river at dawn";

    public static HttpClient Visitor(this PlatformFactory site) => site.NewClient();

    /// <summary>The administrator: created through the setup page the first time, as the operator would, then signed in.</summary>
    public static async Task<HttpClient> AdminAsync(this PlatformFactory site)
    {
        var client = site.Visitor();
        var token = site.Service<SetupToken>().Value;
        if (token is null)
        {
            await client.SignInAsync(AdminEmail, Password);
            return client;
        }

        var response = await client.SubmitAsync($"/setup?token={token}", "/setup", new Dictionary<string, string>
        {
            ["DisplayName"] = "Admin",
            ["Email"] = AdminEmail,
            ["Password"] = Password,
        });
        Expect(response, HttpStatusCode.OK, "setup");
        return client;
    }

    /// <summary>A new learner who registered through the register page and is signed in.</summary>
    public static async Task<(HttpClient Client, string Email)> LearnerAsync(this PlatformFactory site, string? name = null, string? email = null)
    {
        var client = site.Visitor();
        email ??= $"learner-{Guid.NewGuid():N}@test.literacy.local";
        var response = await client.SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = name ?? "Test Learner",
            ["Email"] = email,
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
            ["Consent"] = "true",
        });
        Expect(response, HttpStatusCode.Redirect, "register");
        return (client, email);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password)
    {
        var response = await client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return response;
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}, expected {(int)status}.");
        }
    }
}
