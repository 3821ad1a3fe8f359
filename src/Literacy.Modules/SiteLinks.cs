using Microsoft.Extensions.Configuration;

namespace Literacy.Modules;

/// <summary>
/// Absolute links to the site, for what leaves it without a request to take the address from: email, printed cards.
/// The address is the "PublicUrl" setting (default http://localhost:5000).
/// </summary>
public sealed class SiteLinks(IConfiguration configuration)
{
    private readonly string root = (configuration["PublicUrl"] is { Length: > 0 } url ? url : "http://localhost:5000").TrimEnd('/');

    /// <param name="path">A site path starting with "/".</param>
    public string To(string path) => root + path;

    public string Host => new Uri(root).Host;
}
