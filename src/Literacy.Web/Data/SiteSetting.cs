namespace Literacy.Web.Data;

/// <summary>One named site-wide setting, such as the theme in use.</summary>
public sealed class SiteSetting
{
    public const string Theme = "theme";
    public const string SetupRecipe = "setup-recipe";

    public required string Name { get; set; }

    public required string Value { get; set; }
}
