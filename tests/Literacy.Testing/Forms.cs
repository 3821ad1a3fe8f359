using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Literacy.Testing;

/// <summary>Fills in and submits the site's HTML forms the way a browser without JavaScript would.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {url} answered {(int)response.StatusCode}");
        }

        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Opens <paramref name="pageUrl"/>, takes the form that posts to <paramref name="action"/> with its hidden fields and antiforgery token, and submits it with the given values.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, string pageUrl, string action, IDictionary<string, string> values, string? button = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.Forms.FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"{pageUrl} has no form posting to {action}.");
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !values.ContainsKey(i.Name!))
            .Select(i => KeyValuePair.Create(i.Name!, i.Value))
            .Concat(values)
            .ToList();
        if (button is not null)
        {
            var parts = button.Split('=', 2);
            fields.Add(KeyValuePair.Create(parts[0], parts[1]));
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Posts to <paramref name="action"/> with only the antiforgery token of <paramref name="pageUrl"/>'s first form: a
    /// request made by hand, or a form sent again from a page that no longer offers it.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string pageUrl, string action)
    {
        var page = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} has no form with an antiforgery token.");
        return await client.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
    }
}
