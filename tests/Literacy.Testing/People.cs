using System.Net;
using Literacy.Web.Data;
using Literacy.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>Opens the link of the email that asks to confirm the address, as its owner would.</summary>
    public static async Task ConfirmEmailAsync(this PlatformFactory site, HttpClient client, string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        using var response = await client.GetAsync($"/account/confirm?userId={user.Id}&code={Uri.EscapeDataString(code)}");
        Expect(response, HttpStatusCode.OK, "confirm");
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
