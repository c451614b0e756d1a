namespace ProcessFunctions.Storage.Email;

/// <summary>
/// Where email goes: SendGrid when an API key is set; otherwise, locally, .eml files in the
/// pickup directory. <see cref="Host"/> points the SendGrid client elsewhere (tests).
/// </summary>
public sealed record EmailSettings(
    string? ApiKey,
    string FromAddress,
    string FromName,
    string? TemplateId,
    string? Host,
    string? PickupDirectory)
{
    public const string DefaultFromAddress = "notifications@processfunctions.local";
    public const string DefaultFromName = "ProcessFunctions";

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(ApiKey);
}
