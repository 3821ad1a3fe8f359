using System.Collections.Concurrent;
using System.Threading.Channels;
using Literacy.Modules.Lessons;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Courses.Packages;

/// <summary>How far an install has got, for the page the administrator watches.</summary>
public sealed record InstallStatus(Guid Id, string FileName, string Stage, int Done, int Total, InstallResult? Result)
{
    public DateTime? FinishedUtc { get; init; }

    public bool Finished => Result is not null;
}

/// <summary>
/// Uploaded packages waiting to be installed, and the progress of each. An install runs in the background so that a large
/// package shows progress instead of a hanging page; the install itself stays all or nothing.
/// </summary>
public sealed class CourseInstalls
{
    private readonly ConcurrentDictionary<Guid, InstallStatus> _status = new();
    private readonly Channel<InstallJob> _queue = Channel.CreateUnbounded<InstallJob>();

    public ChannelReader<InstallJob> Queue => _queue.Reader;

    public Guid Enqueue(string zipPath, string fileName, string user)
    {
        // Results are kept an hour for the administrator to read, then forgotten, so the table does not grow forever.
        foreach (var old in _status.Values.Where(s => s.FinishedUtc < DateTime.UtcNow.AddHours(-1)))
        {
            _status.TryRemove(old.Id, out _);
        }

        var id = Guid.NewGuid();
        _status[id] = new InstallStatus(id, fileName, InstallStages.Waiting, 0, 0, null);
        _queue.Writer.TryWrite(new InstallJob(id, zipPath, user));
        return id;
    }

    public InstallStatus? Find(Guid id) => _status.GetValueOrDefault(id);

    public void Report(Guid id, string stage, int done, int total) =>
        _status.AddOrUpdate(id, _ => new InstallStatus(id, string.Empty, stage, done, total, null), (_, s) => s with { Stage = stage, Done = done, Total = total });

    public void Finish(Guid id, InstallResult result) =>
        _status.AddOrUpdate(id, _ => new InstallStatus(id, string.Empty, InstallStages.Done, 0, 0, result) { FinishedUtc = DateTime.UtcNow }, (_, s) => s with { Stage = InstallStages.Done, Result = result, FinishedUtc = DateTime.UtcNow });
}

public sealed record InstallJob(Guid Id, string Path, string User);

/// <summary>The stages shown to the administrator, as English resource keys.</summary>
public static class InstallStages
{
    public const string Waiting = "Waiting to start";
    public const string Reading = "Reading the zip file";
    public const string Checking = "Checking every file";
    public const string Media = "Storing media files";
    public const string Saving = "Saving the lessons";
    public const string Done = "Finished";
}

/// <summary>Installs queued uploads one at a time and deletes each uploaded file afterwards.</summary>
public sealed class CourseInstallWorker(CourseInstalls installs, IServiceScopeFactory scopes, IOptions<PackageLimits> limits, ILogger<CourseInstallWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (id, path, user) in installs.Queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                installs.Report(id, InstallStages.Reading, 0, 0);
                await using var scope = scopes.CreateAsyncScope();
                PackageContents contents;
                await using (var zip = File.OpenRead(path))
                {
                    contents = PackageContents.FromZip(zip, limits.Value);
                }

                var library = scope.ServiceProvider.GetRequiredService<CourseLibrary>();
                installs.Finish(id, await library.InstallAsync(contents, user, stoppingToken, (stage, done, total) => installs.Report(id, stage, done, total)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Installing course package {Upload} failed", id);
                installs.Finish(id, new InstallResult(null, null, [CourseProblems.At("(install)", 0, "The install stopped with an error ({0}). Nothing was stored; try again.", ex.Message)]));
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
