using System.Net;
using Moq;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.EffectTests.Unit;

public sealed class TargetRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:192.168.1.1")]
    public void IsPrivate_internal_addresses_are_private(string address)
    {
        Assert.True(TargetRules.IsPrivate(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    public void IsPrivate_public_addresses_are_public(string address)
    {
        Assert.False(TargetRules.IsPrivate(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task CheckAsync_host_name_resolving_to_a_private_address_is_refused()
    {
        var resolver = new Mock<IHostResolver>();
        resolver.Setup(r => r.ResolveAsync("hooks.example.com", It.IsAny<CancellationToken>()))
            .ReturnsAsync([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5")]);

        var result = await TargetRules.CheckAsync("https://hooks.example.com/in", false, resolver.Object, default);

        Assert.Equal("private-target", result.Problem?.Code);
    }

    [Theory]
    [InlineData("http://hooks.example.com/in")]
    [InlineData("https://user:pass@hooks.example.com/in")]
    [InlineData("ftp://hooks.example.com/in")]
    [InlineData("not a url")]
    public async Task CheckAsync_without_private_targets_needs_a_plain_https_url(string url)
    {
        var result = await TargetRules.CheckAsync(url, false, Mock.Of<IHostResolver>(), default);

        Assert.Equal("validation", result.Problem?.Code);
    }

    [Fact]
    public async Task CheckAsync_public_https_target_is_allowed_and_private_ones_are_when_configured()
    {
        var resolver = new Mock<IHostResolver>();
        resolver.Setup(r => r.ResolveAsync("hooks.example.com", It.IsAny<CancellationToken>()))
            .ReturnsAsync([IPAddress.Parse("93.184.216.34")]);

        var publicTarget = await TargetRules.CheckAsync("https://hooks.example.com/in", false, resolver.Object, default);
        var localTarget = await TargetRules.CheckAsync("http://127.0.0.1:9000/in", true, resolver.Object, default);

        Assert.True(publicTarget.IsSuccess);
        Assert.True(localTarget.IsSuccess);
    }
}
