using System.Text.Json;
using Literacy.CreditBank.Credentials;

namespace Literacy.CreditBank.Tests;

public sealed class IssuerTests
{
    [Theory]
    [InlineData("https://literacy.example.org", "did:web:literacy.example.org")]
    [InlineData("https://literacy.example.org/", "did:web:literacy.example.org")]
    [InlineData("http://localhost:5000", "did:web:localhost%3A5000")]
    [InlineData("https://example.org/county/literacy", "did:web:example.org:county:literacy")]
    public void The_issuer_did_follows_the_did_web_rules(string url, string did) =>
        Assert.Equal(did, new CreditBankOptions { IssuerUrl = url }.IssuerDid);

    [Theory]
    [InlineData("""{"issuer":"did:web:a.example"}""", "did:web:a.example")]
    [InlineData("""{"issuer":{"id":"did:web:a.example","name":"A"}}""", "did:web:a.example")]
    [InlineData("""{"iss":"did:web:a.example"}""", "did:web:a.example")]
    [InlineData("""{"issuer":"did:web:a.example","iss":"did:web:a.example"}""", "did:web:a.example")]
    [InlineData("""{"issuer":"did:web:a.example","iss":"did:web:b.example"}""", null)]
    [InlineData("""{"issuer":42}""", null)]
    public void The_issuer_is_read_from_either_claim_and_both_must_agree(string claims, string? issuer) =>
        Assert.Equal(issuer, CredentialVerifier.IssuerOf(JsonDocument.Parse(claims).RootElement));
}
