namespace Literacy.Notifications.Data;

public enum SmtpSecurity
{
    /// <summary>Encrypt when the server offers it (STARTTLS), plain otherwise.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The mail server an administrator set in the admin (one row); it wins over the "Email:Smtp" settings.</summary>
public sealed class SmtpSetting
{
    public int Id { get; set; }

    public required string Host { get; set; }

    public int Port { get; set; }

    public SmtpSecurity Security { get; set; }

    public string? UserName { get; set; }

    /// <summary>Encrypted with the site's data-protection keys; never shown again once saved.</summary>
    public string? ProtectedPassword { get; set; }

    public required string FromAddress { get; set; }

    public required string FromName { get; set; }
}
