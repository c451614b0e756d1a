using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Functions.Http;
using ProcessFunctions.Storage;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddProcessFunctions(builder.Configuration, HostKind.FunctionsHost);

var host = builder.Build();
await host.Services.GetRequiredService<StorageInitializer>().InitializeAsync();
await host.RunAsync();
