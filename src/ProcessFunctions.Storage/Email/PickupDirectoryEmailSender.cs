using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Storage.Email;

/// <summary>
/// Local development without a SendGrid key: writes each email as an .eml file (MIME,
/// multipart/alternative with the text and HTML bodies) that any mail client opens, and logs its path.
/// </summary>
public sealed partial class PickupDirectoryEmailSender(
    string directory, EmailSettings settings, TimeProvider clock, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    public async Task<EmailOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var now = clock.GetUtcNow();
        var name = $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(directory, name);
        await File.WriteAllTextAsync(path, Mime(email, now), Encoding.ASCII, cancellationToken);
        LogWritten(logger, path);
        return EmailOutcome.Sent(null, path);
    }

    private string Mime(EmailMessage email, DateTimeOffset now)
    {
        var boundary = "=_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        void Line(string value) => text.Append(value).Append("\r\n");

        Line($"From: {Address(settings.FromName, settings.FromAddress)}");
        Line($"To: {Address(email.To.Name, email.To.Address)}");
        Line($"Subject: {Header(email.Subject)}");
        Line($"Date: {now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}");
        Line($"Message-ID: <{Guid.NewGuid():N}@processfunctions.local>");
        Line("MIME-Version: 1.0");
        Line($"Content-Type: multipart/alternative; boundary=\"{boundary}\"");
        Line("");
        foreach (var (type, body) in new[] { ("text/plain", email.Text), ("text/html", email.Html) })
        {
            Line($"--{boundary}");
            Line($"Content-Type: {type}; charset=utf-8");
            Line("Content-Transfer-Encoding: base64");
            Line("");
            Line(Convert.ToBase64String(Encoding.UTF8.GetBytes(body), Base64FormattingOptions.InsertLineBreaks));
        }

        Line($"--{boundary}--");
        return text.ToString();
    }

    private static string Address(string? name, string address) =>
        string.IsNullOrWhiteSpace(name) ? $"<{address}>" : $"{Header(name)} <{address}>";

    // RFC 2047: non-ASCII header text (names such as "Wiśniewska") as UTF-8 base64 words.
    private static string Header(string value) =>
        value.All(c => c is >= ' ' and <= '~')
            ? value
            : $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}?=";

    [LoggerMessage(EventId = 5014, Level = LogLevel.Information, Message = "Email written to {Path}")]
    private static partial void LogWritten(ILogger logger, string path);
}

/// <summary>Where no sender is configured (neither a SendGrid key nor a pickup directory): every send fails visibly.</summary>
public sealed class UnconfiguredEmailSender : IEmailSender
{
    public Task<EmailOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken) =>
        throw new EmailUnavailableException("No email sender is configured: set SendGrid__ApiKey (or, locally, Email__PickupDirectory).");
}
