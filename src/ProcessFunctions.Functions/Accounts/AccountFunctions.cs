using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Accounts;

/// <summary>Creating tenant accounts, and who the caller is.</summary>
public sealed class AccountFunctions(HttpApi api, AccountService accounts)
{
    [Function(nameof(CreateAccount))]
    public Task<IActionResult> CreateAccount(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "accounts")] HttpRequest request) =>
        api.RunAsync(request, Access.Provisioning, [], async call =>
        {
            var body = await call.BodyAsync<CreateAccountRequest>();
            var created = await body.ThenAsync(b => accounts.CreateAccountAsync(b, call.CancellationToken));
            return ApiResult.From(created, c => ApiResult.Created(
                call.Location("me"),
                new CreatedAccountResponse(c.Account, MemberResponse.From(c.Administrator), c.Key)));
        });

    [Function(nameof(GetMe))]
    public Task<IActionResult> GetMe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request) =>
        api.RunAsync(request, Access.Member, [], async call =>
        {
            var me = await accounts.GetMeAsync(call.Caller, call.CancellationToken);
            return ApiResult.From(me, m => ApiResult.Ok(new MeResponse(m.Account, MemberResponse.From(m.Member))));
        });
}
