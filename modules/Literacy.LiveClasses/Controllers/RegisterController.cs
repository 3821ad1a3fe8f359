using System.Globalization;
using System.Text;
using Literacy.LiveClasses.Attendance;
using Literacy.LiveClasses.Data;
using Literacy.LiveClasses.Scheduling;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.LiveClasses.Controllers;

public sealed record RegisterPage(LiveClass Class, string When, IReadOnlyList<RegisterLine> Lines, Func<DateTime?, string> Time);

/// <summary>The trainer's register of a class, on screen and as CSV. Only the class's trainer and administrators.</summary>
[Authorize(Policy = Permissions.ScheduleLiveClasses)]
[Route("live/{classId}")]
public sealed class RegisterController(ClassAccess access, ClassRegister register, LiveClassSchedule schedule, IStringLocalizer<LiveClassesModule> T) : Controller
{
    [HttpGet("register")]
    public async Task<IActionResult> Index(string classId, CancellationToken cancellationToken) =>
        await PageAsync(classId, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("register.csv")]
    public async Task<IActionResult> Csv(string classId, CancellationToken cancellationToken)
    {
        if (await PageAsync(classId, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        var csv = new StringBuilder();
        Row(csv, T["Name"], T["Signed up"], T["Minutes attended"], T["Connections"], T["First joined"], T["Last left"]);
        foreach (var l in page.Lines)
        {
            Row(csv, l.Name, page.Time(l.SignedUpUtc), l.Minutes.ToString(CultureInfo.InvariantCulture), l.Connections.ToString(CultureInfo.InvariantCulture), page.Time(l.FirstJoinedUtc), page.Time(l.LastLeftUtc));
        }

        // A byte-order mark, so that spreadsheet programs read the Chinese names as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"register-{classId}.csv");
    }

    private async Task<RegisterPage?> PageAsync(string classId, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        if (c is null || role != ClassRole.Trainer)
        {
            return null;
        }

        string Time(DateTime? utc) => utc is { } u ? schedule.ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;
        return new RegisterPage(c, schedule.When(c.StartUtc), await register.ForAsync(c, cancellationToken), Time);
    }

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    /// <summary>Quotes a cell, and defuses one that a spreadsheet would run as a formula (a name like "=HYPERLINK(…)").</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return $"\"{value.Replace("\"", "\"\"")}\"";
    }
}
