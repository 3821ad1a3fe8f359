using System.Security.Cryptography;
using System.Text;

namespace Literacy.Web.Setup;

/// <summary>
/// The one-time secret that lets the person who started the platform create the first administrator.
/// It exists only while no administrator does; there is no default password anywhere.
/// </summary>
public sealed class SetupToken
{
    private string? _token;

    public bool IsActive => _token is not null;

    /// <summary>For tests, which play the operator reading the start-up log.</summary>
    internal string? Value => _token;

    public string Issue()
    {
        _token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return _token;
    }

    public bool Matches(string? candidate) =>
        _token is not null && candidate is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(candidate));

    public void Revoke() => _token = null;
}
