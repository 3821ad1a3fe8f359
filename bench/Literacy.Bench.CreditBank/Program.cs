namespace Literacy.Bench.CreditBank;

/// <summary>
/// bench (default): issue 4's figures, each beside a baseline measured in the same run.
/// burst DATA ACKS: awards as fast as it can, appending each acknowledged learner to ACKS, until killed.
/// check DATA ACKS: restarts on DATA and checks that every acknowledged award is there exactly once and the chain is intact.
/// </summary>
public static class Entry
{
    public static async Task<int> Main(string[] args) => args switch
    {
        [] or ["bench"] => await BenchRun.RunAsync(Settings.FromEnvironment()),
        ["burst", var data, var acks] => await Burst.RunAsync(data, acks),
        ["check", var data, var acks] => await CrashCheck.RunAsync(data, acks),
        _ => Usage(),
    };

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Literacy.Bench.CreditBank [bench | burst <dataFolder> <ackFile> | check <dataFolder> <ackFile>]");
        return 2;
    }
}
