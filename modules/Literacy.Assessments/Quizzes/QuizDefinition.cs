using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.Assessments.Quizzes;

public enum QuestionKind
{
    Single,
    Multiple,
    TrueFalse,
    Ordering,
    Fill,
}

/// <summary>A quiz as an author wrote it, answers included. It stays on the server; the page gets only the questions.</summary>
public sealed record QuizDefinition(string Id, int? Attempts, IReadOnlyList<Question> Questions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static QuizDefinition FromJson(string json) => JsonSerializer.Deserialize<QuizDefinition>(json, Json)!;
}

/// <param name="Options">Choices (single, multiple) or the items in their right order (ordering).</param>
/// <param name="Correct">Indexes of the right choices (single, multiple).</param>
/// <param name="Truth">The right answer of a true/false question.</param>
/// <param name="Accepted">Accepted answers of a fill-in-the-blank question.</param>
public sealed record Question(
    QuestionKind Kind, string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Correct, bool? Truth, IReadOnlyList<string> Accepted, string? Feedback)
{
    /// <summary>The order in which ordering items are shown: fixed per question, never the right order.</summary>
    public IReadOnlyList<int> ShownOrder(string quizId, int index)
    {
        var order = Enumerable.Range(0, Options.Count).ToList();
        if (order.Count < 2)
        {
            return order;
        }

        var random = new Random(StableSeed($"{quizId}:{index}"));
        for (var attempt = 0; attempt < 10 && order.SequenceEqual(Enumerable.Range(0, order.Count)); attempt++)
        {
            order = order.OrderBy(_ => random.Next()).ToList();
        }

        return order.SequenceEqual(Enumerable.Range(0, order.Count)) ? Enumerable.Range(0, order.Count).Reverse().ToList() : order;
    }

    private static int StableSeed(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
