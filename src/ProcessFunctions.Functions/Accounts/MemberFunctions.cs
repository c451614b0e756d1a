using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Accounts;

/// <summary>Members of the caller's account and their API keys. Changes need an administrator.</summary>
public sealed class MemberFunctions(HttpApi api, AccountService accounts)
{
    [Function(nameof(ListMembers))]
    public Task<IActionResult> ListMembers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], call => call.ListAsync(
            (page, ct) => accounts.ListMembersAsync(call.Caller, page, ct), member => MemberResponse.From(member)));

    [Function(nameof(CreateMember))]
    public Task<IActionResult> CreateMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "members")] HttpRequest request) =>
        api.RunAsync(request, Access.Administrator, [], async call =>
        {
            var body = await call.BodyAsync<CreateMemberRequest>();
            var member = await body.ThenAsync(b => accounts.CreateMemberAsync(call.Caller, b, call.CancellationToken));
            return ApiResult.From(member, m => ApiResult.Created(call.Location($"members/{m.Id}"), MemberResponse.From(m)));
        });

    [Function(nameof(GetMember))]
    public Task<IActionResult> GetMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "members/{memberId}")] HttpRequest request,
        string memberId) =>
        api.RunAsync(request, Access.Member, [memberId], async call =>
        {
            var details = await accounts.GetMemberAsync(call.Caller, memberId, call.CancellationToken);
            return ApiResult.From(details, d => ApiResult.Ok(MemberResponse.From(d.Member, d.Keys)));
        });

    [Function(nameof(UpdateMember))]
    public Task<IActionResult> UpdateMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "members/{memberId}")] HttpRequest request,
        string memberId) =>
        api.RunAsync(request, Access.Administrator, [memberId], async call =>
        {
            var body = await call.BodyAsync<MemberPatch>();
            var member = await body.ThenAsync(b => accounts.PatchMemberAsync(call.Caller, memberId, b, call.CancellationToken));
            return ApiResult.From(member, m => ApiResult.Ok(MemberResponse.From(m)));
        });

    [Function(nameof(DeleteMember))]
    public Task<IActionResult> DeleteMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "members/{memberId}")] HttpRequest request,
        string memberId) =>
        api.RunAsync(request, Access.Administrator, [memberId], async call =>
        {
            var deleted = await accounts.DeleteMemberAsync(call.Caller, memberId, call.CancellationToken);
            return ApiResult.From(deleted, _ => ApiResult.NoContent());
        });

    [Function(nameof(CreateKey))]
    public Task<IActionResult> CreateKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "members/{memberId}/keys")] HttpRequest request,
        string memberId) =>
        api.RunAsync(request, Access.Administrator, [memberId], async call =>
        {
            var body = await call.BodyOrAsync(new CreateKeyRequest());
            var key = await body.ThenAsync(b => accounts.CreateKeyAsync(call.Caller, memberId, b, call.CancellationToken));
            return ApiResult.From(key, k => ApiResult.Created(call.Location($"members/{memberId}"), k));
        });

    [Function(nameof(RevokeKey))]
    public Task<IActionResult> RevokeKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "members/{memberId}/keys/{keyId}")]
        HttpRequest request,
        string memberId,
        string keyId) =>
        api.RunAsync(request, Access.Administrator, [memberId, keyId], async call =>
        {
            var revoked = await accounts.RevokeKeyAsync(call.Caller, memberId, keyId, call.CancellationToken);
            return ApiResult.From(revoked, _ => ApiResult.NoContent());
        });
}
