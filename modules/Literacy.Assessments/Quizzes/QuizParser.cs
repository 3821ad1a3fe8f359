using System.Text.RegularExpressions;
using Literacy.Modules.Lessons;

namespace Literacy.Assessments.Quizzes;

/// <summary>Reads the ```quiz syntax of docs/course-package.md and names every problem by file and line.</summary>
internal static partial class QuizParser
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex Id();

    [GeneratedRegex(@"^(\d+)\.\s+(.+)$")]
    private static partial Regex Numbered();

    private sealed class Draft(int line, string text)
    {
        public int Line { get; } = line;

        public string Text { get; } = text;

        public List<(string Text, bool Right)> Single { get; } = [];

        public List<(string Text, bool Right)> Multiple { get; } = [];

        public List<string> Ordering { get; } = [];

        public List<string> Accepted { get; } = [];

        public bool? Truth { get; set; }

        public string? Feedback { get; set; }
    }

    public static (QuizDefinition? Quiz, List<PackageProblem> Problems) Parse(string text, BlockContext context)
    {
        var problems = new List<PackageProblem>();
        string? id = null;
        int? attempts = null;
        var drafts = new List<Draft>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var at = context.FirstLine + i;
            void Problem(string message, params object[] args) => problems.Add(At(context.File, at, message, args));
            var current = drafts.LastOrDefault();

            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("? ", StringComparison.Ordinal))
            {
                drafts.Add(new Draft(at, line[2..].Trim()));
            }
            else if (current is null && line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
                if (!Id().IsMatch(id))
                {
                    Problem("The quiz id must be lower-case letters, digits or dashes.");
                }
            }
            else if (current is null && line.StartsWith("attempts:", StringComparison.Ordinal))
            {
                if (!int.TryParse(line[9..].Trim(), out var n) || n < 1 || n > 10)
                {
                    Problem("attempts must be a whole number from 1 to 10.");
                }
                else
                {
                    attempts = n;
                }
            }
            else if (current is null)
            {
                Problem("Before the first question a quiz has only id: and attempts: lines; start a question with \"? \".");
            }
            else if (line.StartsWith("( ) ", StringComparison.Ordinal) || line.StartsWith("(x) ", StringComparison.OrdinalIgnoreCase))
            {
                current.Single.Add((line[4..].Trim(), line[1] is 'x' or 'X'));
            }
            else if (line.StartsWith("[ ] ", StringComparison.Ordinal) || line.StartsWith("[x] ", StringComparison.OrdinalIgnoreCase))
            {
                current.Multiple.Add((line[4..].Trim(), line[1] is 'x' or 'X'));
            }
            else if (line.StartsWith('='))
            {
                var value = line[1..].Trim().ToLowerInvariant();
                current.Truth = value switch { "true" => true, "false" => false, _ => null };
                if (current.Truth is null)
                {
                    Problem("A true/false answer is \"= true\" or \"= false\".");
                }
            }
            else if (Numbered().Match(line) is { Success: true } numbered)
            {
                current.Ordering.Add(numbered.Groups[2].Value.Trim());
            }
            else if (line.StartsWith("_ ", StringComparison.Ordinal))
            {
                current.Accepted.AddRange(line[2..].Split('|').Select(a => a.Trim()).Where(a => a.Length > 0));
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                current.Feedback = ((current.Feedback ?? string.Empty) + " " + line[1..].Trim()).Trim();
            }
            else
            {
                Problem("This line is not part of the quiz syntax: \"{0}\". See docs/course-package.md.", line);
            }
        }

        if (id is null)
        {
            problems.Add(At(context.File, context.FirstLine, "The quiz needs an id: line."));
        }

        if (drafts.Count == 0)
        {
            problems.Add(At(context.File, context.FirstLine, "The quiz has no questions; start each with \"? \"."));
        }

        var questions = drafts.Select(d => Build(d, context.File, problems)).ToList();
        return problems.Count > 0 ? (null, problems) : (new QuizDefinition(id!, attempts, questions!), problems);
    }

    private static Question? Build(Draft d, string file, List<PackageProblem> problems)
    {
        var kinds = new[] { d.Single.Count > 0, d.Multiple.Count > 0, d.Truth is not null, d.Ordering.Count > 0, d.Accepted.Count > 0 }.Count(k => k);
        void Problem(string message) => problems.Add(At(file, d.Line, message));
        if (kinds == 0)
        {
            Problem("This question has no answers: add choices, \"= true/false\", numbered items or \"_ answer\".");
            return null;
        }

        if (kinds > 1)
        {
            Problem("This question mixes kinds of answers; use one kind per question.");
            return null;
        }

        if (d.Single.Count > 0)
        {
            var right = d.Single.Count(o => o.Right);
            if (right != 1 || d.Single.Count < 2)
            {
                Problem(right == 0 ? "This question has no correct answer: mark one with (x)." : "A single-choice question needs at least two choices and exactly one (x).");
                return null;
            }

            return new Question(QuestionKind.Single, d.Text, d.Single.Select(o => o.Text).ToList(), Indexes(d.Single), null, [], d.Feedback);
        }

        if (d.Multiple.Count > 0)
        {
            if (!d.Multiple.Any(o => o.Right))
            {
                Problem("This question has no correct answer: mark at least one with [x].");
                return null;
            }

            return new Question(QuestionKind.Multiple, d.Text, d.Multiple.Select(o => o.Text).ToList(), Indexes(d.Multiple), null, [], d.Feedback);
        }

        if (d.Truth is not null)
        {
            return new Question(QuestionKind.TrueFalse, d.Text, [], [], d.Truth, [], d.Feedback);
        }

        if (d.Ordering.Count > 0)
        {
            if (d.Ordering.Count < 2)
            {
                Problem("An ordering question needs at least two numbered items.");
                return null;
            }

            return new Question(QuestionKind.Ordering, d.Text, d.Ordering, [], null, [], d.Feedback);
        }

        if (!d.Text.Contains("___", StringComparison.Ordinal))
        {
            Problem("A fill-in-the-blank question needs ___ where the blank is.");
            return null;
        }

        return new Question(QuestionKind.Fill, d.Text, [], [], null, d.Accepted, d.Feedback);
    }

    private static PackageProblem At(string file, int line, string message, params object[] args) =>
        new(file, line, message, args) { Origin = typeof(AssessmentsModule) };

    private static List<int> Indexes(List<(string Text, bool Right)> options) =>
        options.Select((o, i) => (o.Right, i)).Where(x => x.Right).Select(x => x.i).ToList();
}
