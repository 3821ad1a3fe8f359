using Literacy.Assessments.Data;
using Literacy.Assessments.Privacy;
using Literacy.Assessments.Quizzes;
using Literacy.Data;
using Literacy.Modules;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Assessments;

public sealed class AssessmentsModule : IModule
{
    public const string Id = "Assessments";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Assessments",
        "1.0.0",
        "Learning",
        "Quizzes in lessons: five question types, feedback, tries and scores.",
        [new FeatureManifest(Id, "Quizzes", "The quiz block in lessons, graded on the server.", "Courses")]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AssessmentsDbContext, SqliteAssessmentsDbContext, PostgresAssessmentsDbContext>();
        services.AddScoped<IPersonalData, AssessmentsPersonalData>();
        services.AddSingleton<ILessonBlockType, QuizBlockType>();
        services.AddScoped<IQuizResults, QuizResults>();
    }
}
