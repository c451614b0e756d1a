using System.Globalization;
using System.Net;
using System.Text;

namespace ProcessFunctions.Domain.Effects;

/// <summary>The facts of one step completion that the notification email tells.</summary>
public sealed record StepCompletedFacts(
    string DealId,
    string DealTitle,
    string StageName,
    string StepName,
    string ActorName,
    DateTimeOffset CompletedAt,
    string? Note,
    int Progress,
    string DealUrl);

/// <summary>Writes the email about a completed step: subject, HTML body (every value escaped) and text body.</summary>
public static class StepNotification
{
    public static EmailMessage Compose(StepCompletedFacts facts, Recipient to)
    {
        var subject = $"{facts.ActorName} completed '{facts.StepName}' on {facts.DealTitle}";
        var when = facts.CompletedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var rows = new (string Label, string Value)[]
        {
            ("Deal", facts.DealTitle),
            ("Stage", facts.StageName),
            ("Step", facts.StepName),
            ("Completed by", facts.ActorName),
            ("When", when),
            ("Progress", $"{facts.Progress}%"),
        };

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Hello {to.DisplayName},")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{subject}.")
            .AppendLine();
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p>Hello {Encode(to.DisplayName)},</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>{Encode(subject)}.</p><table>");
        foreach (var (label, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
            html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{label}</th><td>{Encode(value)}</td></tr>");
        }

        html.Append("</table>");
        if (!string.IsNullOrWhiteSpace(facts.Note))
        {
            text.AppendLine().AppendLine("Note:").AppendLine(facts.Note);
            html.Append(CultureInfo.InvariantCulture, $"<p><strong>Note:</strong></p><blockquote>{NoteHtml(facts.Note)}</blockquote>");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Open the deal: {facts.DealUrl}");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(facts.DealUrl)}\">Open the deal</a></p>");

        return new EmailMessage(new EmailAddress(to.Email, to.DisplayName), subject, html.ToString(), text.ToString(),
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["subject"] = subject,
                ["recipientName"] = to.DisplayName,
                ["dealTitle"] = facts.DealTitle,
                ["stageName"] = facts.StageName,
                ["stepName"] = facts.StepName,
                ["actorName"] = facts.ActorName,
                ["completedAt"] = when,
                ["note"] = facts.Note,
                ["progress"] = facts.Progress.ToString(CultureInfo.InvariantCulture),
                ["dealUrl"] = facts.DealUrl,
            });
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    // Line breaks of the note survive; everything else is escaped.
    private static string NoteHtml(string note) =>
        string.Join("<br>", note.ReplaceLineEndings("\n").Split('\n').Select(Encode));
}
