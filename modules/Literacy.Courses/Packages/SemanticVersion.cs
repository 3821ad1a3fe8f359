using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.Courses.Packages;

/// <summary>MAJOR.MINOR.PATCH, compared numerically.</summary>
[JsonConverter(typeof(SemanticVersionJson))]
public readonly record struct SemanticVersion(int Major, int Minor, int Patch) : IComparable<SemanticVersion>
{
    public static bool TryParse(string? text, out SemanticVersion version)
    {
        version = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 })
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length == 0 || parts[i].Length > 6 || !parts[i].All(char.IsAsciiDigit)
                || (parts[i].Length > 1 && parts[i][0] == '0'))
            {
                return false;
            }

            numbers[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
        }

        version = new SemanticVersion(numbers[0], numbers[1], numbers[2]);
        return true;
    }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a MAJOR.MINOR.PATCH version.");

    /// <summary>One number that sorts like the version, for ordering in SQL.</summary>
    public long SortKey => ((long)Major * 1_000_000 * 1_000_000) + ((long)Minor * 1_000_000) + Patch;

    public int CompareTo(SemanticVersion other) => SortKey.CompareTo(other.SortKey);

    public static bool operator <(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";

    private sealed class SemanticVersionJson : JsonConverter<SemanticVersion>
    {
        public override SemanticVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, SemanticVersion value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
