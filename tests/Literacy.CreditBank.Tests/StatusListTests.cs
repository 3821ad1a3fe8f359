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
    public void An_empty_list_of_131072_bits_compresses_to_a_few_hundred_characters()
    {
        var list = StatusList.Encode([]);
        Assert.InRange(list.Length, 10, 400);
    }
}
