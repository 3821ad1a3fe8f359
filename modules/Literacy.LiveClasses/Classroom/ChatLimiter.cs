using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Classroom;

/// <summary>Each learner may send a few chat messages in a short window, so one flooding phone cannot drown a class.</summary>
public sealed class ChatLimiter(IOptions<LiveClassOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.ChatMessagesPerWindow,
            Window = options.Value.ChatWindow,
            SegmentsPerWindow = 5,
            QueueLimit = 0,
        }));

    public bool TryTake(string classId, string userId)
    {
        using var lease = limiter.AttemptAcquire($"{classId}:{userId}");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
