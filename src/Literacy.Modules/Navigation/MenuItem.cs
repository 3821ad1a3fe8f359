using Microsoft.Extensions.Localization;

namespace Literacy.Modules.Navigation;

/// <summary>One entry of a menu. Hidden when its feature is off or the user lacks its permission.</summary>
public sealed record MenuItem(LocalizedString Text, string Url, int Order = 0)
{
    public string? Feature { get; init; }

    public string? Permission { get; init; }

    /// <summary>Kept in elder mode's short menu (Home, these, Help).</summary>
    public bool Essential { get; init; }

    /// <summary>Only for signed-in users (a learner's own pages), whatever their role.</summary>
    public bool SignedIn { get; init; }
}

public static class Menus
{
    /// <summary>The learner-facing menu at the top of every page.</summary>
    public const string Main = "main";

    /// <summary>The administration menu.</summary>
    public const string Admin = "admin";

    /// <summary>A signed-in person's own settings, listed on their account settings page (/account).</summary>
    public const string Account = "account";
}
