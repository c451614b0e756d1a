namespace ProcessFunctions.Functions.Http;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    /// <summary>No key needed (health).</summary>
    Anonymous,

    /// <summary>The platform operator creating accounts: the master key in Azure, a provisioning key elsewhere.</summary>
    Provisioning,
    Member,
    Manager,
    Administrator,
}

/// <summary>Which host runs the functions; decides who guards <see cref="Access.Provisioning"/>.</summary>
public enum HostKind
{
    /// <summary>The Azure Functions host, which enforces the admin authorization level itself.</summary>
    FunctionsHost,

    /// <summary>The local development host, which only has the provisioning key.</summary>
    DevHost,
}
