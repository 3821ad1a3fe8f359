namespace Literacy.Modules.Lessons;

/// <summary>
/// An interactive part of a lesson: a fenced Markdown block (```quiz, ```video) whose type a feature module provides,
/// the way Open edX's XBlocks extend a course. The course installer asks it to check the block; the lesson page asks it to show it.
/// </summary>
public interface ILessonBlockType
{
    /// <summary>The fence's info string, e.g. "quiz".</summary>
    string Name { get; }

    /// <summary>The feature that provides it; a package using the block is refused while the feature is off.</summary>
    string Feature { get; }

    /// <summary>The view component that shows a block on the lesson page; it receives a <see cref="LessonBlock"/>.</summary>
    string ViewComponent { get; }

    /// <summary>Checks a block's text and turns it into the definition stored with the course version.</summary>
    BlockParseResult Parse(string text, BlockContext context);
}

/// <summary>Where a block sits, so that problems can name the file and line and media can be checked.</summary>
/// <param name="File">The lesson file, relative to the package root.</param>
/// <param name="FirstLine">The line of the block's first content line in that file.</param>
/// <param name="MediaFiles">The package's media paths, e.g. "media/intro.mp4".</param>
public sealed record BlockContext(string File, int FirstLine, string Culture, IReadOnlySet<string> MediaFiles);

/// <summary>A problem with a package, named by file and line so an author can find it.</summary>
/// <param name="Message">English text in composite format ("The lesson \"{0}\" ..."): also the resource key that translates it.</param>
public sealed record PackageProblem(string File, int Line, string Message, params object[] Args)
{
    /// <summary>The type whose resources translate <see cref="Message"/> (the reporting module's class).</summary>
    public Type? Origin { get; init; }

    /// <summary>The message in English with its values filled in.</summary>
    public string Text => Args.Length == 0 ? Message : string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Args);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Text}" : $"{File}: {Text}";
}

/// <param name="Id">The block's id, unique in its course (quizzes) or derived from its position.</param>
/// <param name="Definition">The block's checked content as JSON, stored with the course version.</param>
public sealed record BlockParseResult(string? Id, string? Definition, IReadOnlyList<PackageProblem> Problems)
{
    public static BlockParseResult Failed(params PackageProblem[] problems) => new(null, null, problems);
}

/// <summary>What the lesson page hands a block's view component.</summary>
public sealed record LessonBlock(string CourseId, string Version, string LessonId, string BlockId, string Type, string Definition, string Culture);
