using System.Text.RegularExpressions;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Deals;

/// <summary>Validation of the fields a caller sets on a deal.</summary>
public static partial class DealRules
{
    public const int NoteLength = 10_000;
    public const int ReasonLength = 1_000;
    public const int MaxAttendees = 50;
    public const int MaxFilesPerDeal = 100;
    public const int MaxFilesPerCompletion = 20;
    public const long MaxFileBytes = 10 * 1024 * 1024;
    private const decimal MaxAmount = 1_000_000_000_000m;

    public static void CheckTitle(FieldErrors errors, string? title) => errors.Name("title", title);

    public static void CheckValue(FieldErrors errors, Money? value)
    {
        if (value is null)
        {
            return;
        }

        if (value.Amount < 0 || value.Amount > MaxAmount || decimal.Round(value.Amount, 4) != value.Amount)
        {
            errors.Add("value.amount", "Must be between 0 and 10^12 with at most 4 decimals.");
        }

        if (value.Currency is null || !CurrencyCode().IsMatch(value.Currency))
        {
            errors.Add("value.currency", "Must be an ISO 4217 code of three capital letters, such as EUR.");
        }
    }

    public static void CheckMembers(FieldErrors errors, string field, IReadOnlyList<string>? ids)
    {
        if (ids is null)
        {
            errors.Add(field, "Must not be null.");
            return;
        }

        if (ids.Count > MaxAttendees)
        {
            errors.Add(field, $"Name at most {MaxAttendees} members.");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            errors.Id($"{field}[{i}]", ids[i]);
        }
    }

    /// <summary>Member ids the account does not have, reported against the field that named them.</summary>
    public static void CheckKnown(FieldErrors errors, IReadOnlySet<string> members, string field, IEnumerable<string> ids)
    {
        foreach (var id in ids.Where(id => Ids.IsValid(id) && !members.Contains(id)).Distinct())
        {
            errors.Add(field, $"'{id}' is not a member of this account.");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();
}
