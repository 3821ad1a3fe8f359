namespace Literacy.CreditBank;

/// <summary>Settings under "CreditBank".</summary>
public sealed class CreditBankOptions
{
    /// <summary>
    /// The public address of this site, e.g. https://literacy.example.org. It names the issuer (did:web:literacy.example.org)
    /// and goes into every credential's links, so it must not change once credentials are out.
    /// </summary>
    public string IssuerUrl { get; set; } = "http://localhost:5000";

    /// <summary>The institution's name as it appears on credentials.</summary>
    public string IssuerName { get; set; } = "Literacy";

    /// <summary>The largest credential anyone may submit, in bytes: a real one is a few kilobytes.</summary>
    public int MaxCredentialBytes { get; set; } = 16 * 1024;

    /// <summary>Where the certification units are read from at setup, relative to the app folder.</summary>
    public string UnitsFile { get; set; } = "content/frameworks/units.json";

    /// <summary>
    /// Awards made by one piece of background work when an administrator awards a unit to learners whose learning came
    /// before it (a course finished, minutes attended); the next piece goes on from there. Small enough that a piece never
    /// outlives its lease on the outbox.
    /// </summary>
    public int EarlierAwardsPerBatch { get; set; } = 500;

    public Uri BaseUri => new(IssuerUrl.TrimEnd('/') + "/");

    /// <summary>did:web for the issuer's host, with a port written as %3A as the did:web method asks.</summary>
    public string IssuerDid => "did:web:" + (BaseUri.IsDefaultPort ? BaseUri.Host : $"{BaseUri.Host}%3A{BaseUri.Port}")
        + BaseUri.AbsolutePath.TrimEnd('/').Replace('/', ':');

    public string Link(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();
}
