using System.Net;
using System.Text.RegularExpressions;

namespace Literacy.Bench.LiveClasses;

/// <summary>
/// One person's browser without JavaScript: keeps cookies, does not follow redirects, and posts forms with the
/// antiforgery token of the page they are on, as the site's forms require.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private readonly CookieContainer cookies = new();
    private readonly HttpClient client;
    private readonly Uri site;

    public Browser(Uri site)
    {
        this.site = site;
        client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = site };
    }

    /// <summary>The Cookie header a SignalR connection sends to be this person.</summary>
    public string CookieHeader => cookies.GetCookieHeader(site);

    /// <summary>GETs <paramref name="page"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with that page's token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await client.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || TokenPattern().Match(html) is not { Success: true } token)
        {
            throw new InvalidOperationException($"GET {page} answered {(int)response.StatusCode} without a form token.");
        }

        var form = fields.Append(KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(action, content);
    }

    /// <summary>Like <see cref="SubmitAsync"/>, and the answer must be a redirect: the site's sign of success.</summary>
    public async Task<Uri> SubmitExpectingRedirectAsync(string page, string action, IReadOnlyDictionary<string, string> fields)
    {
        using var response = await SubmitAsync(page, action, fields);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            ? location
            : throw new InvalidOperationException($"POST {action} answered {(int)response.StatusCode}, not a redirect.");
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"[^>]*>""")]
    private static partial Regex TokenPattern();
}
