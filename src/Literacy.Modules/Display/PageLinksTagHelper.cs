using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;
using System.Globalization;

namespace Literacy.Modules.Display;

/// <summary>
/// <c>&lt;page-links page="2" has-more="true" label="More learners" previous="Previous page" next="Next page" /&gt;</c>:
/// the links to the pages before and after this one of a long list, as a labelled navigation landmark. Each link is the
/// current address with only <c>page</c> changed, so a list's search and filters carry over, escaped.
/// Renders nothing when the list fits on one page.
/// </summary>
[HtmlTargetElement("page-links", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PageLinksTagHelper : TagHelper
{
    public int Page { get; set; } = 1;

    public bool HasMore { get; set; }

    /// <summary>What the pages are of, read out by screen readers: "More learners".</summary>
    public required string Label { get; set; }

    public required string Previous { get; set; }

    public required string Next { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Page <= 1 && !HasMore)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "nav";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("aria-label", Label);
        if (Page > 1)
        {
            output.Content.AppendHtml(Link(Page - 1, Previous));
        }

        if (HasMore)
        {
            output.Content.AppendHtml(Link(Page + 1, Next));
        }
    }

    private TagBuilder Link(int page, string text)
    {
        var request = ViewContext.HttpContext.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["page"] = page.ToString(CultureInfo.InvariantCulture);
        var kept = query.Where(p => !string.IsNullOrEmpty(p.Value)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v)));

        var link = new TagBuilder("a");
        link.Attributes["href"] = request.PathBase + request.Path + QueryString.Create(kept);
        link.InnerHtml.Append(text);
        return link;
    }
}
