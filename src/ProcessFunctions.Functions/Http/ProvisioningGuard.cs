using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ProcessFunctions.Functions.Http;

/// <summary>
/// Guards account creation. In Azure the Functions host only lets the master key through
/// (authorization level Admin). Where nothing else guards it (the dev host, or Core Tools,
/// which skips key checks locally) a configured provisioning key is required.
/// </summary>
public sealed class ProvisioningGuard(HostKind host, bool isDevelopment, string? provisioningKey)
{
    public bool Allows(HttpRequest request)
    {
        if (!string.IsNullOrEmpty(provisioningKey))
        {
            var offered = HttpApi.BearerToken(request) ?? request.Headers["x-provisioning-key"].ToString();
            return CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(provisioningKey));
        }

        return host == HostKind.FunctionsHost && !isDevelopment;
    }
}
