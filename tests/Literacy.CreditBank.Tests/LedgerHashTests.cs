using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;

namespace Literacy.CreditBank.Tests;

public sealed class LedgerHashTests
{
    private static LedgerEntry Entry() => new()
    {
        AccountId = Guid.Parse("7d7c6c1e-3f5a-4a7e-9a51-0c2f5b1d9e21"),
        Sequence = 4,
        SourceId = Guid.Parse("0b9d8a77-1c1f-5e2a-8f10-6f1f6f0d4c33"),
        Kind = EntryKind.Award,
        UnitId = "fraud-awareness",
        Credits = 2,
        Evidence = """{"type":"course","courseId":"stop-fraud","score":80}""",
        RecordedUtc = new DateTime(2026, 11, 23, 9, 30, 15, 123, 456, DateTimeKind.Utc),
        PreviousHash = new string('a', 64),
        Hash = string.Empty,
    };

    [Fact]
    public void The_same_entry_always_hashes_the_same_whatever_the_date_kind()
    {
        var entry = Entry();
        var read = Entry();
        read.RecordedUtc = DateTime.SpecifyKind(read.RecordedUtc, DateTimeKind.Unspecified); // as SQLite hands it back
        Assert.Equal(LedgerHash.Of(entry), LedgerHash.Of(read));
        Assert.Matches("^[0-9a-f]{64}$", LedgerHash.Of(entry));
    }

    [Fact]
    public void The_hash_is_sha256_of_the_documented_v1_line_in_utf8()
    {
        var e = Entry();
        e.Evidence = """{"type":"course","courseId":"stop-fraud","note":"防诈骗 ✓"}""";
        var line = string.Join('\n', "literacy-ledger-v1", "7d7c6c1e-3f5a-4a7e-9a51-0c2f5b1d9e21", "4", "0b9d8a77-1c1f-5e2a-8f10-6f1f6f0d4c33",
            "Award", "fraud-awareness", "2", (e.RecordedUtc.Ticks / 10).ToString(CultureInfo.InvariantCulture), e.Evidence, e.PreviousHash);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line))), LedgerHash.Of(e));
    }

    [Fact]
    public void Checking_a_stored_hash_agrees_with_computing_it_and_wants_it_exactly()
    {
        var e = Entry();
        var hash = LedgerHash.Of(e);
        bool Matches(string kind, string expected) =>
            LedgerHash.Matches(e.AccountId, e.Sequence, e.SourceId, kind, e.UnitId, e.Credits, e.RecordedUtc, e.Evidence, e.PreviousHash, expected);
        Assert.True(Matches("Award", hash));
        Assert.False(Matches("Award", hash.ToUpperInvariant()));
        Assert.False(Matches("award", hash));
        Assert.False(Matches("Award", hash[..63]));
    }

    public static TheoryData<string> Fields => ["account", "sequence", "source", "kind", "unit", "credits", "time", "evidence", "previous"];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var original = LedgerHash.Of(Entry());
        var e = Entry();
        switch (field)
        {
            case "account": e.AccountId = Guid.NewGuid(); break;
            case "sequence": e.Sequence++; break;
            case "source": e.SourceId = Guid.NewGuid(); break;
            case "kind": e.Kind = EntryKind.Correction; break;
            case "unit": e.UnitId = "online-selling"; break;
            case "credits": e.Credits = 20; break;
            case "time": e.RecordedUtc = e.RecordedUtc.AddTicks(10); break;
            case "evidence": e.Evidence = e.Evidence.Replace("80", "90", StringComparison.Ordinal); break;
            case "previous": e.PreviousHash = new string('b', 64); break;
        }

        Assert.NotEqual(original, LedgerHash.Of(e));
    }

    [Fact]
    public void Timestamps_are_kept_to_whole_microseconds_so_PostgreSQL_round_trips_them()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_567);
        var kept = LedgerHash.Microseconds(now);
        Assert.Equal(0, kept.Ticks % 10);
        Assert.Equal(DateTimeKind.Utc, kept.Kind);
        Assert.Equal(1_234_560, kept.Ticks - new DateTime(2026, 11, 23, 9, 30, 15, DateTimeKind.Utc).Ticks);
    }
}
