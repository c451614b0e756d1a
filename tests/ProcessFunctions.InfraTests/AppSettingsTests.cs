using System.Reflection;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.InfraTests.Infrastructure;

namespace ProcessFunctions.InfraTests;

/// <summary>The template sets every app setting the code reads and does not mark optional.</summary>
[Collection(CompiledTemplateDefinition.Name)]
public sealed class AppSettingsTests(CompiledTemplate template)
{
    // The connection's name, not a setting: its settings are the ProcessStorage__* entries.
    private const string ConnectionNameField = nameof(AppSettings.StorageConnectionName);

    public static TheoryData<string> RequiredSettings => new(RequiredSettingNames());

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public void AppSettings_RequiredSetting_IsSetByTemplate(string setting)
    {
        var settings = template.AppSettings();

        Assert.True(settings.ContainsKey(setting), $"infra/main.bicep does not set the app setting {setting}.");
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData(AppSettings.StorageConnectionName)]
    public void AppSettings_StorageConnection_IsIdentityBasedWithoutConnectionString(string connection)
    {
        var settings = template.AppSettings();

        Assert.False(settings.ContainsKey(connection), $"{connection} must not be a connection string.");
        Assert.Equal("\"managedidentity\"", settings.GetValueOrDefault(connection + "__credential"));
        Assert.True(settings.ContainsKey(connection + "__clientId"), $"{connection}__clientId names the identity.");
    }

    [Fact]
    public void AppSettings_WebhookPrivateTargets_AreRefused()
    {
        var settings = template.AppSettings();

        var value = settings.GetValueOrDefault(AppSettings.WebhooksAllowPrivateTargets);

        Assert.Equal("\"false\"", value);
    }

    // Public const string fields of AppSettings, minus the connection name and [Optional] ones.
    private static IEnumerable<string> RequiredSettingNames() =>
        typeof(AppSettings).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(constant => constant is { IsLiteral: true, IsInitOnly: false })
            .Where(constant => constant.FieldType == typeof(string))
            .Where(constant => constant.Name != ConnectionNameField)
            .Where(constant => constant.GetCustomAttribute<OptionalAttribute>() is null)
            .Select(constant => (string)constant.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal);
}
