namespace Literacy.Courses.Packages;

/// <summary>A lesson in one language, checked and rendered to safe HTML with its interactive blocks kept apart.</summary>
public sealed record CompiledLesson(string Id, string Culture, string Title, int Minutes, IReadOnlyList<LessonPart> Parts, IReadOnlyList<CompiledBlock> Blocks);

/// <summary>Either a run of rendered HTML or a reference to an interactive block shown by its module.</summary>
public sealed record LessonPart(string? Html, string? BlockId = null, string? BlockType = null);

public sealed record CompiledBlock(string Id, string Type, string Definition);
