using System.Globalization;

namespace Literacy.Bench.LiveClasses;

/// <summary>Where the platform runs and the sizes of the run, from the command line and the environment.</summary>
public sealed record Settings(
    Uri Site,
    int ServerPid,
    string SetupToken,
    IReadOnlyList<int> Sizes,
    int SlideChanges,
    int RegisterWorkers,
    int ConnectWorkers)
{
    public static Settings From(string site, string pid, string token) => new(
        new Uri(site.TrimEnd('/') + "/"),
        int.Parse(pid, CultureInfo.InvariantCulture),
        token,
        (Environment.GetEnvironmentVariable("BENCH_SIZES") is { Length: > 0 } sizes ? sizes : "100 500 1000")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
        Int("BENCH_SLIDE_CHANGES", 30),
        // Registration waits on durable commits as much as on the password hash: 16 at a time gave about 2.7x the rate of 4 here.
        Int("BENCH_REGISTER_WORKERS", 16),
        Int("BENCH_CONNECT_WORKERS", 32));

    public int Learners => Sizes.Append(1).Max();

    private static int Int(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
