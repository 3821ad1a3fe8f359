using System.Globalization;
using Literacy.CreditBank.Ledger;

namespace Literacy.CreditBank.Tests;

/// <summary>The ledger check reads SQLite's timestamps by hand; it must read them exactly as DateTime.Parse did.</summary>
public sealed class StoredTimestampTests
{
    [Fact]
    public void Timestamps_as_ef_core_writes_them_to_sqlite_read_as_datetime_parse_reads_them()
    {
        var random = new Random(4);
        var samples = Enumerable.Range(0, 2_000).Select(_ => new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks)))
            .Concat([DateTime.MinValue, DateTime.MaxValue, new DateTime(2024, 2, 29, 23, 59, 59), new DateTime(2026, 11, 23, 9, 30, 15).AddTicks(1_234_560)]);
        foreach (var sample in samples)
        {
            var text = sample.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture); // EF Core's format for SQLite
            Assert.True(StoredTimestamp.TryParse(text, out var read), text);
            Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), read);
        }
    }

    [Theory]
    [InlineData("2026-02-29 08:00:00")]
    [InlineData("2026-01-01T08:00:00")]
    [InlineData("2026-01-01 08:00:00.")]
    [InlineData("2026-01-01 08:00:00.12345678")]
    [InlineData("2026-01-01 24:00:00")]
    [InlineData("2026-1-01 08:00:00.1")]
    [InlineData("0000-01-01 08:00:00")]
    [InlineData("2026-01-01 08:00:00Z")]
    [InlineData("2026-01-01 08:00:+1")]
    public void Anything_else_is_left_to_the_database_reader(string text) => Assert.False(StoredTimestamp.TryParse(text, out _));
}
