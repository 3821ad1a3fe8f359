using QRCoder;

namespace Literacy.Modules.Display;

/// <summary>QR codes as inline SVG: sharp at any print size, no image request, readable by any phone camera.</summary>
public static class QrCodes
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        // The caption beside it gives the same address in words, so screen readers skip the picture.
        return svg[svg.IndexOf("<svg", StringComparison.Ordinal)..].Replace("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", StringComparison.Ordinal);
    }
}
