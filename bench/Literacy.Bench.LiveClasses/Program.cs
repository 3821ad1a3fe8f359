namespace Literacy.Bench.LiveClasses;

/// <summary>
/// Load client for issue 5, run by bench/live/run.sh against a platform it has already started:
/// Literacy.Bench.LiveClasses SITE SERVER_PID SETUP_TOKEN.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not [var site, var pid, var token])
        {
            Console.Error.WriteLine("usage: Literacy.Bench.LiveClasses <site url> <server pid> <setup token>");
            return 2;
        }

        return await BenchRun.RunAsync(Settings.From(site, pid, token));
    }
}
