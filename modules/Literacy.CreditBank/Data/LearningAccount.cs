namespace Literacy.CreditBank.Data;

/// <summary>One per learner. The ledger entries hang off it; the account id, not the user id, goes into hashes and credentials.</summary>
public sealed class LearningAccount
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTime OpenedUtc { get; set; }
}
