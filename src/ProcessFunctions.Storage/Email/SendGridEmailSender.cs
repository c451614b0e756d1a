using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Effects;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ProcessFunctions.Storage.Email;

/// <summary>
/// Sends each email through SendGrid's v3 mail/send. Rate limits (429) and provider errors
/// (5xx, timeouts) are retried per <see cref="EmailRetryPolicy"/>, honouring Retry-After; a
/// refused API key or sender (401, 403) fails every email alike, so it is thrown; any other 4xx
/// refuses this one email for good and is returned as rejected.
/// </summary>
public sealed partial class SendGridEmailSender(
    IHttpClientFactory clients, EmailSettings settings, EmailRetryPolicy retry, ILogger<SendGridEmailSender> logger)
    : IEmailSender
{
    /// <summary>The named HTTP client the SendGrid client sends through.</summary>
    public const string ClientName = "sendgrid";

    private readonly SendGridClientOptions _options = Options(settings);

    public async Task<EmailOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        var client = new SendGridClient(clients.CreateClient(ClientName), _options);
        var message = Build(email);
        for (var attempt = 1; ; attempt++)
        {
            Response response;
            try
            {
                response = await client.SendEmailAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException
                || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await WaitOrThrowAsync(attempt, null, null, e, cancellationToken);
                continue;
            }

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var id = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                return EmailOutcome.Sent(status, id is null ? "SendGrid accepted it" : $"SendGrid message {id}");
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
            {
                await WaitOrThrowAsync(attempt, status, RetryAfter(response), null, cancellationToken);
                continue;
            }

            var errors = await ErrorsAsync(response, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new EmailUnavailableException($"SendGrid refused the API key or the sender: {errors}", status);
            }

            return EmailOutcome.Rejected(status, errors);
        }
    }

    private async Task WaitOrThrowAsync(
        int attempt, int? status, TimeSpan? retryAfter, Exception? error, CancellationToken cancellationToken)
    {
        var delay = retry.DelayAfter(attempt, retryAfter);
        if (delay is null)
        {
            throw new EmailUnavailableException(
                $"SendGrid did not take the email after {attempt} attempts; the message will be retried.", status, error);
        }

        LogRetrying(logger, status, attempt, delay.Value.TotalSeconds);
        await Task.Delay(delay.Value, cancellationToken);
    }

    private SendGridMessage Build(EmailMessage email)
    {
        var message = new SendGridMessage { From = new SendGrid.Helpers.Mail.EmailAddress(settings.FromAddress, settings.FromName) };
        message.AddTo(new SendGrid.Helpers.Mail.EmailAddress(email.To.Address, email.To.Name));
        if (!string.IsNullOrWhiteSpace(settings.TemplateId))
        {
            message.SetTemplateId(settings.TemplateId);
            message.SetTemplateData(email.TemplateData);
            return message;
        }

        message.Subject = email.Subject;
        message.PlainTextContent = email.Text;
        message.HtmlContent = email.Html;
        return message;
    }

    private static TimeSpan? RetryAfter(Response response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    // SendGrid explains a refusal as { "errors": [ { "message", "field" } ] }.
    private static async Task<string> ErrorsAsync(Response response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var messages = document.RootElement.GetProperty("errors").EnumerateArray()
                .Select(error => error.TryGetProperty("message", out var text) ? text.GetString() : null)
                .OfType<string>();
            return string.Join(" ", messages);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
    }

    private static SendGridClientOptions Options(EmailSettings settings)
    {
        var options = new SendGridClientOptions { ApiKey = settings.ApiKey };
        if (!string.IsNullOrWhiteSpace(settings.Host))
        {
            options.Host = settings.Host;
        }

        return options;
    }

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning,
        Message = "SendGrid answered {Status} on attempt {Attempt}; retrying in {DelaySeconds} s")]
    private static partial void LogRetrying(ILogger logger, int? status, int attempt, double delaySeconds);
}
