using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Deals;

/// <summary>
/// Files on a deal. The body is the file itself with its Content-Type; <c>?name=</c> gives its
/// file name. The returned id is what a completion lists in <c>fileIds</c>.
/// </summary>
public sealed class DealFileFunctions(HttpApi api, DealFileService files)
{
    [Function(nameof(UploadDealFile))]
    public Task<IActionResult> UploadDealFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "deals/{dealId}/files")] HttpRequest request,
        string dealId) =>
        api.RunAsync(request, Access.Member, [dealId], async call =>
        {
            var content = await RawBody.ReadAsync(request, DealRules.MaxFileBytes, call.CancellationToken);
            if (content is null)
            {
                return ApiResult.Problem(new Problem(ProblemKind.PayloadTooLarge, "file-too-large",
                    "The file is too large.", $"Files are limited to {DealRules.MaxFileBytes / (1024 * 1024)} MiB."));
            }

            var stored = await files.UploadAsync(
                call.Caller, dealId, call.Query("name"), request.ContentType, content, call.CancellationToken);
            return ApiResult.From(stored, file => ApiResult.Created(call.Location($"deals/{dealId}/files/{file.Id}"), file));
        });

    [Function(nameof(DownloadDealFile))]
    public Task<IActionResult> DownloadDealFile(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "deals/{dealId}/files/{fileId}")]
        HttpRequest request,
        string dealId,
        string fileId) =>
        api.RunAsync(request, Access.Member, [dealId, fileId], async call =>
        {
            var found = await files.DownloadAsync(call.Caller, dealId, fileId, call.CancellationToken);
            return ApiResult.From(found, f => ApiResult.File(f.Content, f.File.ContentType)
                .WithHeader("Content-Disposition", $"attachment; filename=\"{f.File.Name.Replace("\"", "", StringComparison.Ordinal)}\""));
        });
}
