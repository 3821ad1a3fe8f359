using Literacy.CreditBank.Credentials;

namespace Literacy.CreditBank.Tests;

public sealed class StatusListTests
{
    [Fact]
    public void Revoked_indexes_read_back_set_and_every_other_bit_clear()
    {
        var revoked = new[] { 0, 7, 8, 4242, CredentialIssuer.StatusListSize - 1 };
        var list = StatusList.Encode(revoked);
        Assert.StartsWith("u", list, StringComparison.Ordinal);
        foreach (var i in revoked)
        {
            Assert.True(StatusList.IsSet(list, i));
        }

        foreach (var i in new[] { 1, 6, 9, 4241, 4243, CredentialIssuer.StatusListSize - 2 })
        {
            Assert.False(StatusList.IsSet(list, i));
        }
    }

    [Fact]
    public void A_bit_beyond_the_list_or_a_list_that_unpacks_too_far_is_unknown_not_clear()
    {
        Assert.Null(StatusList.IsSet(StatusList.Encode([]), CredentialIssuer.StatusListSize));
        var bomb = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(bomb, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[StatusList.MaxBytes + 1]);
        }

        Assert.Null(StatusList.IsSet("u" + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(bomb.ToArray()), 0));
    }

    [Fact]
    public void An_empty_list_of_131072_bits_compresses_to_a_few_hundred_characters()
    {
        var list = StatusList.Encode([]);
        Assert.InRange(list.Length, 10, 400);
    }
}
