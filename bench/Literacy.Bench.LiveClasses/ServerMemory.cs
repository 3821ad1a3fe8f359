using System.Globalization;

namespace Literacy.Bench.LiveClasses;

/// <summary>The server process's memory from /proc: resident now (VmRSS) and the most it has been resident (VmHWM), in MB.</summary>
public sealed record ServerMemory(double RssMb, double PeakMb)
{
    public static ServerMemory Of(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        return new ServerMemory(Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
    }

    private static double Field(string[] lines, string name)
    {
        // "VmRSS:	  123456 kB"
        var line = lines.Single(l => l.StartsWith(name, StringComparison.Ordinal));
        return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
