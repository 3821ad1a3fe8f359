using Literacy.Modules.Lessons;

namespace Literacy.Assessments.Quizzes;

/// <summary>The ```quiz lesson block.</summary>
public sealed class QuizBlockType : ILessonBlockType
{
    public string Name => "quiz";

    public string Feature => AssessmentsModule.Id;

    public string ViewComponent => "QuizBlock";

    public BlockParseResult Parse(string text, BlockContext context)
    {
        var (quiz, problems) = QuizParser.Parse(text, context);
        return quiz is null ? new BlockParseResult(null, null, problems) : new BlockParseResult(quiz.Id, quiz.ToJson(), []);
    }
}
