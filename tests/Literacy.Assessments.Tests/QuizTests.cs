using Literacy.Assessments.Quizzes;
using Literacy.Modules.Lessons;

namespace Literacy.Assessments.Tests;

public sealed class QuizTests
{
    private static readonly BlockContext Context = new("lessons/zh-CN/05-check.md", 20, "zh-CN", new HashSet<string>());

    private const string AllKinds = """
        id: fraud-check
        attempts: 3

        ? 有人说您中奖了，要先交手续费。怎么办？
        ( ) 马上转账
        (x) 挂断电话
        > 中奖先交钱，一定是诈骗。

        ? 哪些是诈骗信号？
        [x] 要您先转账
        [x] 要验证码
        [ ] 提醒您保管密码

        ? 公安会让您把钱转到“安全账户”。
        = false

        ? 排列视频通话的步骤：
        1. 打开微信
        2. 找到家人
        3. 点“视频通话”

        ? 骗子常冒充 ___ 的工作人员。
        _ 公安 | 警察 | WeChat
        """;

    private static QuizDefinition Parse(string text)
    {
        var result = new QuizBlockType().Parse(text, Context);
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        return QuizDefinition.FromJson(result.Definition!);
    }

    private static IReadOnlyList<PackageProblem> Problems(string text) => new QuizBlockType().Parse(text, Context).Problems;

    [Fact]
    public void All_five_question_kinds_are_read()
    {
        var quiz = Parse(AllKinds);
        Assert.Equal("fraud-check", quiz.Id);
        Assert.Equal(3, quiz.Attempts);
        Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse, QuestionKind.Ordering, QuestionKind.Fill], quiz.Questions.Select(q => q.Kind));
        Assert.Equal([1], quiz.Questions[0].Correct);
        Assert.Equal("中奖先交钱，一定是诈骗。", quiz.Questions[0].Feedback);
        Assert.Equal([0, 1], quiz.Questions[1].Correct);
        Assert.False(quiz.Questions[2].Truth);
    }

    [Fact]
    public void All_right_scores_100_and_each_wrong_answer_costs_its_share()
    {
        var quiz = Parse(AllKinds);
        Answer A(params string[] v) => new(v);
        var right = QuizScoring.Grade(quiz, [A("1"), A("0", "1"), A("false"), A("1", "2", "3"), A(" ＷｅＣｈａｔ ")]);
        Assert.Equal(100, right.Score);
        Assert.All(right.Questions, q => Assert.True(q.Right));

        var mixed = QuizScoring.Grade(quiz, [A("0"), A("0"), A("false"), A("2", "1", "3"), A("公安")]);
        Assert.Equal(40, mixed.Score);
        Assert.Equal([false, false, true, false, true], mixed.Questions.Select(q => q.Right));
        Assert.Equal("中奖先交钱，一定是诈骗。", mixed.Questions[0].Feedback);
    }

    [Fact]
    public void Missing_or_forged_answers_count_as_wrong_not_as_errors()
    {
        var quiz = Parse(AllKinds);
        var result = QuizScoring.Grade(quiz, [new(["7"]), new(["0", "1", "2"]), new(["maybe"])]);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void Ordering_items_are_never_shown_in_the_right_order()
    {
        var question = Parse(AllKinds).Questions[3];
        Assert.NotEqual([0, 1, 2], question.ShownOrder("fraud-check", 3));
        Assert.Equal(question.ShownOrder("fraud-check", 3), question.ShownOrder("fraud-check", 3));
    }

    [Theory]
    [InlineData("id: q\n? Pick one\n( ) a\n( ) b", "21", "no correct answer")]
    [InlineData("id: q\n? Pick one\n(x) a\n(x) b", "21", "exactly one (x)")]
    [InlineData("id: q\n? Pick\n[ ] a\n[ ] b", "21", "no correct answer: mark at least one with [x]")]
    [InlineData("id: q\n? Mixed\n(x) a\n= true", "21", "mixes kinds")]
    [InlineData("id: q\n? Fill without blank\n_ answer", "21", "needs ___")]
    [InlineData("id: q\n? Nothing", "21", "has no answers")]
    [InlineData("? No id\n(x) a\n( ) b", "20", "needs an id")]
    [InlineData("id: q\nattempts: 99\n? Q\n(x) a\n( ) b", "21", "attempts must be")]
    [InlineData("id: q\n? Q\n(x) a\n( ) b\nrandom words", "24", "not part of the quiz syntax")]
    public void Mistakes_are_named_with_their_line(string text, string line, string message)
    {
        var problem = Assert.Single(Problems(text));
        Assert.Equal(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture), problem.Line);
        Assert.Contains(message, problem.Text, StringComparison.Ordinal);
    }
}
