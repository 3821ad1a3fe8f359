using System.Data.Common;
using System.Globalization;

namespace Literacy.CreditBank.Ledger;

/// <summary>
/// Reads an entry's timestamp from a data reader. SQLite keeps it as text in the one format EF Core writes, and its reader
/// parses that with DateTime.Parse, which is a tenth of the time of verifying a whole ledger. That format is read by hand;
/// anything else, and every other database's native timestamps, is read as before.
/// </summary>
internal static class StoredTimestamp
{
    private static readonly long[] FractionScale = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    public static DateTime Read(DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) && TryParse(reader.GetString(ordinal), out var value) ? value : reader.GetDateTime(ordinal);

    /// <summary>"yyyy-MM-dd HH:mm:ss", then optionally "." and one to seven digits of the second, as DateTime.Parse would read it.</summary>
    internal static bool TryParse(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length is < 19 or 20 or > 27 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || (s.Length > 19 && s[19] != '.')
            || !Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second)
            || !Digits(s.Length > 19 ? s[20..] : "0", out var fraction)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second).AddTicks(fraction * FractionScale[Math.Max(0, s.Length - 21)]);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
