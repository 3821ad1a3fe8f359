namespace Literacy.Web;

/// <summary>Marks the host's resource files (Resources/SiteText.*.resx). Keys are the English text.</summary>
public sealed class SiteText;
