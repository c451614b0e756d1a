using System.Net;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Deals;

/// <summary>Retrying a step completion with an Idempotency-Key: one completion, one message, the same answer.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class IdempotentCompletionTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task CompleteStep_SameKeyAndBodyThreeTimes_CompletesOnceSendsOneMessageAndReplaysTheAnswer()
    {
        var (key, dealId, stepId) = await DealAsync();
        var path = $"deals/{dealId}/steps/{stepId}/completion";
        var idempotencyKey = Guid.NewGuid().ToString();

        var answers = new List<(HttpStatusCode Status, string Body, string? Location, bool Replayed)>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await Api.SendIdempotentAsync(
                HttpMethod.Post, path, key, idempotencyKey, new { note = "Called the buyer" });
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(),
                response.Headers.Location?.ToString(), response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        Assert.All(answers, answer => Assert.Equal(answers[0].Body, answer.Body));
        Assert.All(answers, answer => Assert.Equal($"/api/deals/{dealId}", answer.Location));
        Assert.Equal([false, true, true], answers.Select(answer => answer.Replayed));
        var history = await Api.ListAllAsync($"deals/{dealId}/history", key, limit: 10);
        Assert.Equal(["stepCompleted", "created"], history.Select(entry => (string?)entry["kind"]));
        var messages = (await StepEffectsQueue.DrainAsync()).OfDeal(dealId)
            .Where(m => (string?)m["type"] == "deal.step_completed" && (string?)m["stepId"] == stepId);
        Assert.Single(messages);
    }

    [Fact]
    public async Task CompleteStep_SameKeyWithAnotherBody_Returns422AndKeepsTheFirstCompletion()
    {
        var (key, dealId, stepId) = await DealAsync();
        var path = $"deals/{dealId}/steps/{stepId}/completion";
        var idempotencyKey = Guid.NewGuid().ToString();
        using var first = await Api.SendIdempotentAsync(
            HttpMethod.Post, path, key, idempotencyKey, new { note = "First" });
        await ApiAssert.StatusAsync(first, HttpStatusCode.Created);

        using var response = await Api.SendIdempotentAsync(
            HttpMethod.Post, path, key, idempotencyKey, new { note = "Second" });

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.EndsWith("/idempotency-key-reused", (string?)problem["type"], StringComparison.Ordinal);
        var deal = await Api.GetDealAsync(key, dealId);
        Assert.Equal("First", (string?)deal["steps"]![0]!["note"]);
    }

    [Fact]
    public async Task CompleteStep_KeyLongerThan255Characters_Returns400AndCompletesNothing()
    {
        var (key, dealId, stepId) = await DealAsync();

        using var response = await Api.SendIdempotentAsync(
            HttpMethod.Post, $"deals/{dealId}/steps/{stepId}/completion", key, new string('k', 256), new { });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.False((bool?)(await Api.GetDealAsync(key, dealId))["steps"]![0]!["completed"]);
    }

    private async Task<(string Key, string DealId, string StepId)> DealAsync()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());
        var dealId = await Api.CreateDealIdAsync(account.AdministratorKey, new { title = "Pumps" });
        return (account.AdministratorKey, dealId, process.StepId(0, 0));
    }
}
