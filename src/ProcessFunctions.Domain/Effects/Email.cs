namespace ProcessFunctions.Domain.Effects;

public sealed record EmailAddress(string Address, string? Name = null);

/// <summary>
/// One email to one recipient: subject, HTML and plain-text bodies, and the same facts as
/// template data for senders configured with a dynamic template.
/// </summary>
public sealed record EmailMessage(
    EmailAddress To,
    string Subject,
    string Html,
    string Text,
    IReadOnlyDictionary<string, string?> TemplateData);

/// <summary>What a sender did with one email it did not throw for.</summary>
/// <param name="Accepted">True when the provider took the email (or it was written locally).</param>
/// <param name="StatusCode">The provider's HTTP status, when there was one.</param>
/// <param name="Detail">Why it was rejected, or where it went (a provider id or a file path).</param>
public sealed record EmailOutcome(bool Accepted, int? StatusCode, string? Detail)
{
    public static EmailOutcome Sent(int? status, string? detail) => new(true, status, detail);

    /// <summary>A permanent refusal of this email (for example a malformed address); retrying cannot help.</summary>
    public static EmailOutcome Rejected(int? status, string detail) => new(false, status, detail);
}

/// <summary>
/// Sends email. A permanent refusal of one email is an <see cref="EmailOutcome"/>; a failure that
/// may pass (rate limit, provider down, sender misconfigured) is an <see cref="EmailUnavailableException"/>,
/// thrown after the sender's own retries, so that the queue message is tried again later.
/// </summary>
public interface IEmailSender
{
    Task<EmailOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken);
}

public sealed class EmailUnavailableException(string message, int? statusCode = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
