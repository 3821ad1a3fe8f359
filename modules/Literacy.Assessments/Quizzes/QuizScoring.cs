using System.Globalization;
using System.Text;

namespace Literacy.Assessments.Quizzes;

/// <summary>A learner's answer to one question, as the form sent it.</summary>
public sealed record Answer(IReadOnlyList<string> Values);

public sealed record QuestionResult(bool Right, string? Feedback);

public sealed record QuizResult(double Score, IReadOnlyList<QuestionResult> Questions);

/// <summary>Grades answers against the definition. Server only: the page never holds the right answers.</summary>
public static class QuizScoring
{
    public static QuizResult Grade(QuizDefinition quiz, IReadOnlyList<Answer> answers)
    {
        var results = quiz.Questions.Select((q, i) => new QuestionResult(IsRight(q, i < answers.Count ? answers[i].Values : []), q.Feedback)).ToList();
        var score = results.Count == 0 ? 0 : Math.Round(100.0 * results.Count(r => r.Right) / results.Count, 1);
        return new QuizResult(score, results);
    }

    private static bool IsRight(Question question, IReadOnlyList<string> values) => question.Kind switch
    {
        QuestionKind.Single => values.Count == 1 && Index(values[0]) is { } i && question.Correct.SequenceEqual([i]),
        QuestionKind.Multiple => values.Select(Index).Where(i => i is not null).Select(i => i!.Value).Distinct().Order().SequenceEqual(question.Correct.Order())
            && values.Count == question.Correct.Count,
        QuestionKind.TrueFalse => values.Count == 1 && bool.TryParse(values[0], out var b) && b == question.Truth,
        // values[k] is the position (1-based) the learner gave the item that belongs at k.
        QuestionKind.Ordering => values.Count == question.Options.Count && values.Select((v, k) => Index(v) == k + 1).All(ok => ok),
        QuestionKind.Fill => values.Count == 1 && question.Accepted.Any(a => Normalize(a) == Normalize(values[0])),
        _ => false,
    };

    private static int? Index(string value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    /// <summary>Ignores case, spaces and full-width/half-width forms, so "ＷｅＣｈａｔ " matches "wechat".</summary>
    public static string Normalize(string text) =>
        new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
}
