namespace ProcessFunctions.DevHost;

/// <summary>Recognises a connection string that points at the local storage emulator, and its ports.</summary>
public static class LocalEmulator
{
    public static bool TryGetPorts(string? connectionString, out (int Blob, int Queue, int Table) ports)
    {
        ports = (10000, 10001, 10002);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return bool.TryParse(development, out var yes) && yes;
        }

        if (!TryLocalPort(parts, "BlobEndpoint", out var blob) || !TryLocalPort(parts, "QueueEndpoint", out var queue)
            || !TryLocalPort(parts, "TableEndpoint", out var table))
        {
            return false;
        }

        ports = (blob, queue, table);
        return true;
    }

    private static bool TryLocalPort(Dictionary<string, string> parts, string name, out int port)
    {
        port = 0;
        if (!parts.TryGetValue(name, out var value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.IsLoopback || uri.Host == "localhost"))
        {
            return false;
        }

        port = uri.Port;
        return true;
    }
}
