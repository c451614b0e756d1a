using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Accounts;

/// <summary>Turns a bearer key into a <see cref="Caller"/>: one point read, none on a cache hit.</summary>
public sealed class Authenticator(IAccountStore store, ApiKeyCache cache)
{
    public static readonly Problem Unauthenticated = new(
        ProblemKind.Unauthorized, "unauthenticated", "Authentication required.",
        "Send a valid API key as 'Authorization: Bearer <key>'.");

    public async Task<Result<Caller>> AuthenticateAsync(string? bearerKey, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(bearerKey, out var secret))
        {
            return Unauthenticated;
        }

        if (!cache.TryGet(secret.AccountId, secret.KeyId, out var key))
        {
            key = await store.FindKeyAsync(secret.AccountId, secret.KeyId, cancellationToken);
            if (key is not null)
            {
                cache.Set(secret.AccountId, key);
            }
        }

        if (key is null || !key.IsActive || !secret.Matches(key.SecretHash))
        {
            return Unauthenticated;
        }

        return new Caller(secret.AccountId, key.MemberId, key.Role, key.Id);
    }
}
