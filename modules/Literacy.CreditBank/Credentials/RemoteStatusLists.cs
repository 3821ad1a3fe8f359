using Microsoft.Extensions.Logging;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// Fetches other issuers' status list credentials (the URL comes from a credential whose signature already checked out),
/// bounded in size and time. Not cached: it is read when a learner submits and again when an administrator approves,
/// and a revocation must count from the moment the issuer publishes it.
/// </summary>
public sealed class RemoteStatusLists(IHttpClientFactory clients, ILogger<RemoteStatusLists> logger)
{
    public const string Client = "status-lists";

    private const int MaxBytes = 256 * 1024;

    public async Task<string?> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return null;
        }

        try
        {
            using var response = await clients.CreateClient(Client).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                logger.LogWarning("Status list {Url} answered {Status}", url, (int)response.StatusCode);
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBytes + 1];
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read > MaxBytes)
            {
                return null;
            }

            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Trim();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(e, "Status list {Url} could not be fetched", url);
            return null;
        }
    }
}
