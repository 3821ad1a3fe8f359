namespace Literacy.Web.Accounts;

/// <summary>The privacy notice a person agrees to at registration. A new wording gets a new version, so consent says which one.</summary>
public static class PrivacyNotice
{
    public const string Version = "2026-11";
}
