using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ProcessFunctions.Functions.Configuration;

/// <summary>What carries out the effects of deal events: email, follow-up tasks and webhooks.</summary>
public static class SideEffectRegistration
{
    public static IServiceCollection AddSideEffects(this IServiceCollection services, IConfiguration configuration) =>
        services;
}
