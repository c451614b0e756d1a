using System.Net;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>Files on a deal: raw upload with its content type, download, the size limit, whose files count.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DealFileTests(AzuriteFixture azurite) : DealTest(azurite)
{
    private const int TenMiB = 10 * 1024 * 1024;

    [Fact]
    public async Task UploadFile_ThenDownload_ReturnsTheSameBytesAndContentType()
    {
        var (key, dealId, _) = await DealAsync();
        var content = new byte[300_000];
        new Random(7).NextBytes(content);

        using var response = await Api.UploadFileAsync(key, dealId, content, "application/pdf", "Offer v2.pdf");

        var file = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/deals/{dealId}/files/{file.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("Offer v2.pdf", (string?)file["name"]);
        Assert.Equal("application/pdf", (string?)file["contentType"]);
        Assert.Equal(content.Length, (long?)file["size"]);
        using var download = await Api.GetAsync($"deals/{dealId}/files/{file.Id()}", key);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        var deal = await Api.GetDealAsync(key, dealId);
        Assert.Equal([file.Id()], deal["files"]!.AsArray().Select(f => f!.Id()));
    }

    [Fact]
    public async Task UploadFile_OfExactlyTenMiB_Returns201()
    {
        var (key, dealId, _) = await DealAsync();

        using var response = await Api.UploadFileAsync(key, dealId, new byte[TenMiB], "application/octet-stream");

        var file = await ApiAssert.StatusAsync(response, HttpStatusCode.Created);
        Assert.Equal(TenMiB, (long?)file["size"]);
    }

    [Fact]
    public async Task UploadFile_LargerThanTenMiB_Returns413AndStoresNothing()
    {
        var (key, dealId, _) = await DealAsync();

        using var response = await Api.UploadFileAsync(key, dealId, new byte[TenMiB + 1], "application/octet-stream");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty((await Api.GetDealAsync(key, dealId))["files"]!.AsArray());
    }

    [Fact]
    public async Task CompleteStep_WithFileOfAnotherDeal_Returns422NamingFileIds()
    {
        var (key, dealId, process) = await DealAsync();
        var otherDealId = await Api.CreateDealIdAsync(key, new { title = "Valves" });
        var fileId = await UploadAsync(key, otherDealId);

        using var response = await Api.CompleteAsync(
            key, dealId, process.StepId(0, 0), new { fileIds = new[] { fileId } });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "fileIds");
        using var download = await Api.GetAsync($"deals/{dealId}/files/{fileId}", key);
        await ApiAssert.ProblemAsync(download, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompleteStep_WithFileOfAnotherAccount_Returns422AndTheFileStaysUnreachable()
    {
        var (key, dealId, process) = await DealAsync();
        var (otherKey, otherDealId, _) = await DealAsync("Other Industrial");
        var fileId = await UploadAsync(otherKey, otherDealId);

        using var response = await Api.CompleteAsync(
            key, dealId, process.StepId(0, 0), new { fileIds = new[] { fileId } });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "fileIds");
        using var download = await Api.GetAsync($"deals/{otherDealId}/files/{fileId}", key);
        await ApiAssert.ProblemAsync(download, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DownloadFile_OfDeletedDeal_Returns404()
    {
        var (key, dealId, _) = await DealAsync();
        var fileId = await UploadAsync(key, dealId);
        await Api.ExpectAsync(HttpMethod.Delete, $"deals/{dealId}", key, HttpStatusCode.NoContent);

        using var response = await Api.GetAsync($"deals/{dealId}/files/{fileId}", key);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<(string Key, string DealId, VersionedProcess Process)> DealAsync(
        string account = "Acme Industrial")
    {
        var created = await Api.CreateAccountAsync(account);
        var process = await Api.CreateProcessAsync(created.AdministratorKey, Drafts.Simple());
        var dealId = await Api.CreateDealIdAsync(created.AdministratorKey, new { title = "Pumps" });
        return (created.AdministratorKey, dealId, process);
    }

    private async Task<string> UploadAsync(string key, string dealId)
    {
        using var response = await Api.UploadFileAsync(key, dealId, [9, 8, 7], "text/plain", "note.txt");
        return (await ApiAssert.StatusAsync(response, HttpStatusCode.Created)).Id();
    }
}
