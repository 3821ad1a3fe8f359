using Literacy.Modules.Display;

namespace Literacy.Modules.Tests;

public sealed class DisplayPreferencesTests
{
    [Fact]
    public void A_choice_survives_the_cookie_and_becomes_the_page_classes()
    {
        var chosen = new DisplayPreferences(Elder: true, TextSize: 150, HighContrast: true);
        var read = DisplayPreferences.Parse(chosen.Value);
        Assert.Equal(chosen, read);
        Assert.Equal("elder text-150 high-contrast", read.CssClass);
        Assert.Equal(string.Empty, DisplayPreferences.Default.CssClass);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("e1.t999.c0")]
    [InlineData("e2.t100.c0")]
    [InlineData("e1.t150")]
    [InlineData("e1.x150.c1")]
    [InlineData("e1.t-150.c1")]
    [InlineData("\"><script>alert(1)</script>")]
    public void A_tampered_or_unknown_cookie_gives_the_default_page(string? cookie) =>
        Assert.Equal(DisplayPreferences.Default, DisplayPreferences.Parse(cookie));
}
