using System.Net;
using System.Net.Sockets;
using ProcessFunctions.Domain.Common;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// Which URLs a webhook may target. Unless private targets are allowed (the local dev host),
/// the URL must be https and its host must not be, or resolve to, a loopback, private,
/// link-local, shared, multicast or reserved address: a webhook must not become a way to reach
/// the app's own network. The check runs at creation and again at every connection, because
/// DNS answers can change in between.
/// </summary>
public static class TargetRules
{
    public const int MaxUrlLength = 2048;

    public static async Task<Result<Uri>> CheckAsync(
        string? url, bool allowPrivate, IHostResolver resolver, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return Problem.Invalid("url", $"Must be an absolute http(s) URL without credentials, at most {MaxUrlLength} characters.");
        }

        if (allowPrivate)
        {
            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return Problem.Invalid("url", "Must use https.");
        }

        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return PrivateTarget;
        }

        IReadOnlyList<IPAddress> addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolver.ResolveAsync(uri.DnsSafeHost, cancellationToken);
            }
            catch (SocketException)
            {
                return Problem.Invalid("url", "The host name does not resolve.");
            }
        }

        return addresses.Count == 0 || addresses.Any(IsPrivate) ? PrivateTarget : uri;
    }

    /// <summary>True for every address a public webhook target must not have.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,            // 100.64.0.0/10 shared (carrier-grade NAT)
                169 => b[1] == 254,                          // link-local, including the metadata endpoint
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2),
                198 => b[1] is 18 or 19 || (b[1] == 51 && b[2] == 100),
                203 => b[1] == 0 && b[2] == 113,
                >= 224 => true,                              // multicast, reserved, broadcast
                _ => false,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc   // fc00::/7 unique local
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);   // documentation
        }

        return true;
    }

    private static readonly Problem PrivateTarget = new(
        ProblemKind.Validation, "private-target", "The webhook target is not allowed.",
        "The URL points at a loopback, private, link-local or reserved address.",
        new FieldErrors().Add("url", "Must not point at a loopback, private, link-local or reserved address.").ToDictionary());
}
