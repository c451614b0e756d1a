using System.Text.Json.Nodes;
using ProcessFunctions.InfraTests.Infrastructure;

namespace ProcessFunctions.InfraTests;

/// <summary>No key or secret value ends up in the compiled template, its parameters or its outputs.</summary>
[Collection(CompiledTemplateDefinition.Name)]
public sealed class SecretTests(CompiledTemplate template)
{
    private const string SendGridKeyParameter = "sendGridApiKey";

    [Theory]
    [InlineData("listKeys")]
    [InlineData("listAccountSas")]
    [InlineData("listServiceSas")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey")]
    [InlineData("SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage")]
    public void Template_StorageKeyMarker_DoesNotOccur(string marker)
    {
        var text = template.Text;

        Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SendGridApiKeyParameter_IsSecureStringWithoutDefaultValue()
    {
        var parameter = template.Root["parameters"]?[SendGridKeyParameter];

        Assert.NotNull(parameter);
        Assert.Equal("securestring", (string?)parameter["type"], ignoreCase: true);
        Assert.True(string.IsNullOrEmpty((string?)parameter["defaultValue"]), "A secure parameter has no default value.");
    }

    [Fact]
    public void Outputs_SendGridApiKey_IsNeverReturned()
    {
        var outputs = template.Root["outputs"] as JsonObject ?? [];

        var leaking = outputs
            .Where(output => (output.Value?.ToJsonString() ?? "").Contains(
                SendGridKeyParameter, StringComparison.OrdinalIgnoreCase))
            .Select(output => output.Key);

        Assert.Empty(leaking);
    }

    [Fact]
    public void SendGridApiKey_OnlyTheKeyVaultSecretReadsIt()
    {
        var reference = $"parameters('{SendGridKeyParameter}')";

        var readers = template.Resources
            .Where(resource => resource.ToJsonString().Contains(reference, StringComparison.OrdinalIgnoreCase))
            .Select(resource => (string?)resource["type"]);

        Assert.All(readers, type => Assert.Equal("Microsoft.KeyVault/vaults/secrets", type));
    }

    [Fact]
    public void AppSettings_SendGridApiKey_IsKeyVaultReference()
    {
        var settings = template.AppSettings();

        var value = settings["SendGrid__ApiKey"];

        Assert.Contains("@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledParameters_WithoutKeyInEnvironment_CarryNoSecretValue()
    {
        var parameters = template.Parameters["parameters"] as JsonObject ?? [];

        var sendGridKey = (string?)parameters[SendGridKeyParameter]?["value"];

        Assert.True(string.IsNullOrEmpty(sendGridKey), "main.bicepparam must not hold a SendGrid key.");
        Assert.DoesNotContain("SG.", template.Parameters.ToJsonString(), StringComparison.Ordinal);
    }
}
