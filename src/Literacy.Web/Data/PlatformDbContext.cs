using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Data;

/// <summary>The host's own data: accounts, feature switches, site settings and the audit trail.</summary>
public class PlatformDbContext(DbContextOptions options) : IdentityDbContext<PlatformUser>(options)
{
    public DbSet<FeatureSwitch> FeatureSwitches => Set<FeatureSwitch>();

    public DbSet<SiteSetting> SiteSettings => Set<SiteSetting>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SignInCard> SignInCards => Set<SignInCard>();

    public DbSet<RecordedConsent> RecordedConsents => Set<RecordedConsent>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PlatformUser>().Property(u => u.DisplayName).HasMaxLength(100);
        builder.Entity<FeatureSwitch>(e =>
        {
            e.ToTable("FeatureSwitches");
            e.HasKey(f => f.FeatureId);
            e.Property(f => f.FeatureId).HasMaxLength(100);
        });
        builder.Entity<SiteSetting>(e =>
        {
            e.ToTable("SiteSettings");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
            e.Property(s => s.Value).HasMaxLength(4000);
        });
        builder.Entity<PlatformUser>(e =>
        {
            e.Property(u => u.ConsentNoticeVersion).HasMaxLength(20);
            e.Property(u => u.AgeBand).HasMaxLength(20);
            e.Property(u => u.Region).HasMaxLength(10);
            e.Property(u => u.OccupationGroup).HasMaxLength(40);
        });
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasIndex(a => a.Sequence).IsUnique();
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => a.Action);
            e.Property(a => a.ActorId).HasMaxLength(450);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.Target).HasMaxLength(256);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
        });
        builder.Entity<SignInCard>(e =>
        {
            e.ToTable("SignInCards");
            e.HasIndex(c => c.SecretHash).IsUnique();
            e.HasIndex(c => c.UserId);
            e.Property(c => c.SecretHash).HasMaxLength(64);
            e.Property(c => c.UserId).HasMaxLength(450);
            e.Property(c => c.IssuedById).HasMaxLength(450);
            e.Property(c => c.RevokedById).HasMaxLength(450);
            e.HasOne<PlatformUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<RecordedConsent>(e =>
        {
            e.ToTable("RecordedConsents");
            e.HasKey(c => c.UserId);
            e.Property(c => c.UserId).HasMaxLength(450);
            e.Property(c => c.RecordedById).HasMaxLength(450);
            e.HasOne<PlatformUser>().WithOne().HasForeignKey<RecordedConsent>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit trail is append-only: no code path of the platform may change or remove an entry.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are never changed or removed.");
        }
    }
}

public sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options);

public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options);
