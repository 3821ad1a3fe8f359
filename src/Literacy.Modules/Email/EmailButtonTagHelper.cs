using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Literacy.Modules.Email;

/// <summary>
/// <c>&lt;email-button href="..."&gt;Open the lesson&lt;/email-button&gt;</c>: the one big link of an email, styled inline (mail apps
/// drop style sheets). The plain-text part shows its address in full.
/// </summary>
[HtmlTargetElement("email-button", Attributes = "href")]
public sealed class EmailButtonTagHelper : TagHelper
{
    public required string Href { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "a";
        output.Attributes.SetAttribute("href", Href);
        output.Attributes.SetAttribute("style",
            "display:inline-block;background:#0b57d0;color:#ffffff;padding:14px 24px;border-radius:8px;text-decoration:none;font-size:20px;");
        output.PreElement.SetHtmlContent("<p style=\"margin:24px 0;\">");
        output.PostElement.SetHtmlContent("</p>");
    }
}
