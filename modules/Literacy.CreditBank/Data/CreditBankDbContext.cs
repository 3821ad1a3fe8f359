using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Data;

public class CreditBankDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CertificationUnit> Units => Set<CertificationUnit>();

    public DbSet<LearningAccount> Accounts => Set<LearningAccount>();

    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    public DbSet<IssuedCredential> Credentials => Set<IssuedCredential>();

    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<FrameworkArea> FrameworkAreas => Set<FrameworkArea>();

    public DbSet<FrameworkCompetency> FrameworkCompetencies => Set<FrameworkCompetency>();

    public DbSet<FrameworkLevel> FrameworkLevels => Set<FrameworkLevel>();

    public DbSet<AttendedClass> AttendedClasses => Set<AttendedClass>();

    public DbSet<TrustedIssuer> TrustedIssuers => Set<TrustedIssuer>();

    public DbSet<ConversionRule> ConversionRules => Set<ConversionRule>();

    public DbSet<RecognitionRequest> RecognitionRequests => Set<RecognitionRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<CertificationUnit>(e =>
        {
            e.ToTable("CertificationUnits");
            e.Property(u => u.Id).HasMaxLength(60);
            e.Property(u => u.CourseId).HasMaxLength(60);
            e.Property(u => u.Area).HasMaxLength(10);
        });
        builder.Entity<LearningAccount>(e =>
        {
            e.ToTable("LearningAccounts");
            e.HasIndex(a => a.UserId).IsUnique();
        });
        builder.Entity<LedgerEntry>(e =>
        {
            e.ToTable("LedgerEntries");
            // The chain cannot fork: two writers that read the same head collide here and one retries.
            e.HasIndex(l => new { l.AccountId, l.Sequence }).IsUnique();
            // A repeated event pays nothing: the second insert collides here.
            e.HasIndex(l => new { l.AccountId, l.SourceId }).IsUnique();
            e.Property(l => l.UnitId).HasMaxLength(60);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(l => l.Hash).HasMaxLength(64);
            e.Property(l => l.PreviousHash).HasMaxLength(64);
        });
        builder.Entity<IssuedCredential>(e =>
        {
            e.ToTable("Credentials");
            e.HasIndex(c => c.StatusIndex).IsUnique();
            e.HasIndex(c => c.LedgerEntryId).IsUnique();
            e.HasOne(c => c.Entry).WithOne().HasForeignKey<IssuedCredential>(c => c.LedgerEntryId);
            e.HasIndex(c => c.AccountId);
            e.Property(c => c.UnitId).HasMaxLength(60);
        });
        builder.Entity<SigningKey>(e =>
        {
            e.ToTable("SigningKeys");
            e.HasKey(k => k.KeyId);
            e.Property(k => k.KeyId).HasMaxLength(40);
        });
        builder.Entity<FrameworkArea>(e =>
        {
            e.ToTable("FrameworkAreas");
            e.Property(a => a.Id).HasMaxLength(10);
            e.Property(a => a.NameZh).HasMaxLength(200);
            e.Property(a => a.NameEn).HasMaxLength(200);
            e.Property(a => a.Outline).HasMaxLength(200);
        });
        builder.Entity<FrameworkCompetency>(e =>
        {
            e.ToTable("FrameworkCompetencies");
            e.Property(c => c.Id).HasMaxLength(10);
            e.Property(c => c.AreaId).HasMaxLength(10);
            e.Property(c => c.NameZh).HasMaxLength(200);
            e.Property(c => c.NameEn).HasMaxLength(200);
        });
        builder.Entity<FrameworkLevel>(e =>
        {
            e.ToTable("FrameworkLevels");
            e.HasKey(l => l.Level);
            e.Property(l => l.Level).ValueGeneratedNever();
            e.Property(l => l.NameZh).HasMaxLength(100);
            e.Property(l => l.NameEn).HasMaxLength(100);
        });
        builder.Entity<AttendedClass>(e =>
        {
            e.ToTable("AttendedClasses");
            e.HasKey(a => a.EventId);
            e.HasIndex(a => a.UserId);
            e.Property(a => a.ClassId).HasMaxLength(60);
        });
        builder.Entity<TrustedIssuer>(e =>
        {
            e.ToTable("TrustedIssuers");
            e.HasKey(i => i.IssuerId);
            e.Property(i => i.IssuerId).HasMaxLength(300);
            e.Property(i => i.Name).HasMaxLength(200);
        });
        builder.Entity<ConversionRule>(e =>
        {
            e.ToTable("ConversionRules");
            e.HasIndex(r => new { r.IssuerId, r.AchievementId }).IsUnique();
            e.Property(r => r.IssuerId).HasMaxLength(300);
            e.Property(r => r.AchievementId).HasMaxLength(500);
            e.Property(r => r.UnitId).HasMaxLength(60);
        });
        builder.Entity<RecognitionRequest>(e =>
        {
            e.ToTable("RecognitionRequests");
            // One request per outside credential: a resubmission finds the first one.
            e.HasIndex(r => new { r.IssuerId, r.CredentialId }).IsUnique();
            e.HasIndex(r => new { r.Status, r.SubmittedUtc });
            e.HasIndex(r => r.UserId);
            e.Property(r => r.IssuerId).HasMaxLength(300);
            e.Property(r => r.CredentialId).HasMaxLength(500);
            e.Property(r => r.AchievementId).HasMaxLength(500);
            e.Property(r => r.AchievementName).HasMaxLength(300);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Reason).HasMaxLength(500);
        });
    }
}

public sealed class SqliteCreditBankDbContext(DbContextOptions<SqliteCreditBankDbContext> options) : CreditBankDbContext(options);

public sealed class PostgresCreditBankDbContext(DbContextOptions<PostgresCreditBankDbContext> options) : CreditBankDbContext(options);
