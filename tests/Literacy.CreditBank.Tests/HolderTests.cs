using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Literacy.CreditBank.Recognition;

namespace Literacy.CreditBank.Tests;

/// <summary>Whether a submitted credential names the person submitting it (Open Badges IdentityObject of type emailAddress).</summary>
public sealed class HolderTests
{
    private static JsonElement Claims(string identifier) =>
        JsonDocument.Parse($$$"""{"credentialSubject":{"identifier":{{{identifier}}}}}""").RootElement;

    private static string Hash(string email, string salt) =>
        "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email + salt)));

    [Fact]
    public void A_salted_hash_of_the_holders_email_matches_them_whatever_the_case_of_the_email()
    {
        var claims = Claims($$"""[{"type":"IdentityObject","identityType":"emailAddress","hashed":true,"salt":"s4lt","identityHash":"{{Hash("li.ming@example.org", "s4lt")}}"}]""");
        Assert.True(Recognitions.IsHeldBy(claims, " Li.Ming@Example.org "));
        Assert.False(Recognitions.IsHeldBy(claims, "zhang.san@example.org"));
    }

    [Fact]
    public void A_plain_email_identifier_matches_and_other_identity_types_do_not()
    {
        Assert.True(Recognitions.IsHeldBy(Claims("""{"type":"IdentityObject","identityType":"emailAddress","hashed":false,"identityHash":"li.ming@example.org"}"""), "li.ming@example.org"));
        Assert.False(Recognitions.IsHeldBy(Claims("""[{"identityType":"phone","hashed":false,"identityHash":"li.ming@example.org"}]"""), "li.ming@example.org"));
    }

    [Theory]
    [InlineData("""{"credentialSubject":{}}""")]
    [InlineData("""{"credentialSubject":"someone"}""")]
    [InlineData("""{"credentialSubject":{"identifier":[{"identityType":42,"hashed":true,"identityHash":7}]}}""")]
    [InlineData("""{}""")]
    public void A_credential_that_names_nobody_is_nobodys(string claims) =>
        Assert.False(Recognitions.IsHeldBy(JsonDocument.Parse(claims).RootElement, "li.ming@example.org"));

    [Fact]
    public void A_learner_without_an_email_holds_no_credential_not_even_one_issued_to_an_empty_address()
    {
        Assert.False(Recognitions.IsHeldBy(Claims($$"""{"identityType":"emailAddress","hashed":true,"salt":"s4lt","identityHash":"{{Hash("", "s4lt")}}"}"""), ""));
        Assert.False(Recognitions.IsHeldBy(Claims("""{"identityType":"emailAddress","hashed":false}"""), " "));
    }
}
