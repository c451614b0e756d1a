using System.Net.Mail;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Accounts;

public static class MemberRules
{
    public static void Check(FieldErrors errors, string path, string? displayName, string? email)
    {
        errors.Name(Field(path, "displayName"), displayName);
        if (!IsEmail(email))
        {
            errors.Add(Field(path, "email"), "Must be an email address.");
        }
    }

    public static bool IsEmail(string? email) =>
        email is { Length: > 2 and <= Limits.EmailLength }
        && MailAddress.TryCreate(email.Trim(), out var parsed)
        && parsed.Address == email.Trim() && email.Contains('@', StringComparison.Ordinal);

    /// <summary>Emails compare without case; this form is what the uniqueness index stores.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    private static string Field(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
