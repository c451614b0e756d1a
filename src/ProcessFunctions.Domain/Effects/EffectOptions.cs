namespace ProcessFunctions.Domain.Effects;

/// <summary>Settings the effects need: where links in emails point, and whether webhooks may target private addresses.</summary>
public sealed record EffectOptions(Uri PublicUrl, bool AllowPrivateTargets)
{
    /// <summary>Claims on effects last this long; a delivery that finds an older claim takes the effect over.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    public string DealUrl(string dealId) => new Uri(PublicUrl, $"api/deals/{Uri.EscapeDataString(dealId)}").ToString();
}
