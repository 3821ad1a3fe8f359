namespace Literacy.Modules.Permissions;

/// <summary>The platform's three kinds of user.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Trainer = "Trainer";
    public const string Administrator = "Administrator";

    public static IReadOnlyList<string> All { get; } = [Learner, Trainer, Administrator];
}
