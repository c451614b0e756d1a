using System.Net;
using System.Net.Sockets;
using System.Text;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Storage.Webhooks;

/// <summary>
/// Posts webhook bodies with the named client <see cref="ClientName"/>. Its handler
/// (<see cref="CreateHandler"/>) checks the address it actually connects to, so a name that
/// resolved to a public address at creation cannot be pointed at a private one later.
/// </summary>
public sealed class HttpWebhookTransport(IHttpClientFactory clients) : IWebhookTransport
{
    public const string ClientName = "webhooks";

    public async Task<TransportResult> PostAsync(
        Uri target, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new TransportResult(status, response.IsSuccessStatusCode ? null : $"The receiver answered {status}.");
        }
        catch (HttpRequestException e)
        {
            return new TransportResult(null, e.InnerException is PrivateTargetException refused ? refused.Message : e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TransportResult(null, "The receiver did not answer in time.");
        }
    }

    /// <summary>No redirects (a redirect could lead to a private address); every connection's address is checked.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivateTargets) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (!allowPrivateTargets && (addresses.Length == 0 || addresses.Any(TargetRules.IsPrivate)))
            {
                throw new PrivateTargetException(host);
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

public sealed class PrivateTargetException(string host)
    : Exception($"Refused: {host} resolves to a private, loopback, link-local or reserved address.");
