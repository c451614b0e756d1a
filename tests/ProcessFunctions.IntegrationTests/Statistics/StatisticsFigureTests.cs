using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.IntegrationTests.Infrastructure;

namespace ProcessFunctions.IntegrationTests.Statistics;

/// <summary>
/// Every figure of the pipeline statistics over a small data set computed by hand. The deals
/// are imported with chosen dates and synced one by one, as the effect processor would; then
/// the step "Legal check" is deleted from the process, so it shows as archived.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class StatisticsFigureTests(AzuriteFixture azurite) : DealTest(azurite)
{
    [Fact]
    public async Task GetStatistics_OfWholeDataSet_AnswersEveryFigureAsComputedByHand()
    {
        var data = await DataSetAsync();

        var statistics = await StatisticsAsync(data, "");

        AssertSameJson(data.Expected(Whole), statistics);
    }

    [Fact]
    public async Task GetStatistics_ForOneCreationMonth_CountsOnlyDealsCreatedThen()
    {
        var data = await DataSetAsync();

        var statistics = await StatisticsAsync(data, "?from=2025-02&to=2025-02");

        AssertSameJson(data.Expected(February), statistics);
    }

    [Fact]
    public async Task GetStatistics_ForOneOwner_CountsOnlyTheirDeals()
    {
        var data = await DataSetAsync();

        var statistics = await StatisticsAsync(data, $"?ownerId={data.Seller}");

        AssertSameJson(data.Expected(OfSeller), statistics);
    }

    [Fact]
    public async Task GetStatistics_ForOneCurrency_CountsOnlyDealsValuedInIt()
    {
        var data = await DataSetAsync();

        var euro = await StatisticsAsync(data, "?currency=EUR");
        var zloty = await StatisticsAsync(data, "?currency=PLN");

        AssertSameJson(data.Expected(InEuro), euro);
        AssertSameJson(data.Expected(InZloty), zloty);
    }

    [Fact]
    public async Task GetStatistics_ForNewOwnerOfDealCountingADeletedStep_StillShowsTheStepArchived()
    {
        var data = await DataSetAsync();
        var newcomer = await Api.CreateMemberAsync(data.Key, "user");
        data.Names["Newcomer"] = newcomer.Id;
        await Api.ExpectAsync(HttpMethod.Patch, $"deals/{data.WentBackId}", data.Key, HttpStatusCode.OK,
            new { ownerId = newcomer.Id });
        await Service<StatisticsService>().SyncDealAsync(data.AccountId, data.WentBackId, CancellationToken.None);

        var statistics = await StatisticsAsync(data, $"?ownerId={newcomer.Id}");

        AssertSameJson(data.Expected(OfNewcomer), statistics);
    }

    [Fact]
    public async Task RebuildStatistics_AfterAStepWasDeleted_AnswersTheSameFigures()
    {
        var data = await DataSetAsync();
        var queries = new[] { "", "?from=2025-01&to=2025-01", $"?ownerId={data.Seller}", "?currency=PLN" };
        var before = new List<string>();
        foreach (var query in queries)
        {
            before.Add((await StatisticsAsync(data, query)).ToJsonString());
        }

        var rebuilt = await Api.ExpectAsync(HttpMethod.Post, "statistics/rebuild", data.Key, HttpStatusCode.OK);

        Assert.Equal(8, (int?)rebuilt["deals"]);
        for (var i = 0; i < queries.Length; i++)
        {
            Assert.Equal(before[i], (await StatisticsAsync(data, queries[i])).ToJsonString());
        }
    }

    [Theory]
    [InlineData("?from=2025-13", "from")]
    [InlineData("?from=2025-1", "from")]
    [InlineData("?to=January", "to")]
    [InlineData("?from=2025-03&to=2025-02", "to")]
    [InlineData("?currency=eur", "currency")]
    [InlineData("?currency=EURO", "currency")]
    [InlineData("?ownerId=not%20an%20id", "ownerId")]
    public async Task GetStatistics_WithBadFilter_Returns422NamingIt(string query, string field)
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        using var response = await Api.GetAsync($"processes/{process.Id}/statistics{query}", account.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
    }

    [Fact]
    public async Task GetStatistics_OfAnotherAccountsProcess_Returns404()
    {
        var data = await DataSetAsync();
        var stranger = await Api.CreateAccountAsync("Other Industrial");

        using var response = await Api.GetAsync($"processes/{data.Process.Id}/statistics", stranger.AdministratorKey);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetStatistics_OfProcessWithoutDeals_AnswersZeros()
    {
        var account = await Api.CreateAccountAsync();
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Simple());

        var statistics = await Api.ExpectAsync(
            HttpMethod.Get, $"processes/{process.Id}/statistics", account.AdministratorKey, HttpStatusCode.OK);

        Assert.Equal(0, (int?)statistics["deals"]);
        Assert.Equal(0, (int?)statistics["won"]!["count"]);
        Assert.Null(statistics["winRate"]);
        Assert.All(statistics["stages"]!.AsArray(), stage =>
        {
            Assert.Equal(0, (int?)stage!["reached"]);
            Assert.Empty(stage["openValue"]!.AsObject());
            Assert.Null(stage["averageDaysInStage"]);
        });
    }

    private const string Whole = """
        {
          "from": null, "to": null, "ownerId": null, "currency": null, "deals": 7,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 3,
              "openValue": { "EUR": 500, "PLN": 4000 }, "weightedValue": { "EUR": 62.5, "PLN": 500 },
              "reached": 7, "reachedLater": 5, "conversionRate": 0.7143, "lostInStage": 0, "averageDaysInStage": 1.6,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 4, "dealsReachedStage": 7, "completionRate": 0.5714 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 3, "dealsReachedStage": 7, "completionRate": 0.4286 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 1,
              "openValue": { "EUR": 1000 }, "weightedValue": { "EUR": 500 },
              "reached": 5, "reachedLater": 2, "conversionRate": 0.4, "lostInStage": 1, "averageDaysInStage": 2.75,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 3, "dealsReachedStage": 5, "completionRate": 0.6 },
                { "stepId": "{Legal}", "name": "Legal check", "archived": true,
                  "completed": 2, "dealsReachedStage": 5, "completionRate": 0.4 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 2, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": 5,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 2, "dealsReachedStage": 2, "completionRate": 1 } ] }
          ],
          "won": { "count": 2, "value": { "EUR": 3500 } },
          "lost": { "count": 1, "value": { "PLN": 3000 } },
          "winRate": 0.6667, "averageDaysToWin": 8
        }
        """;

    private const string February = """
        {
          "from": "2025-02", "to": "2025-02", "ownerId": null, "currency": null, "deals": 4,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 2,
              "openValue": { "EUR": 500 }, "weightedValue": { "EUR": 62.5 },
              "reached": 4, "reachedLater": 2, "conversionRate": 0.5, "lostInStage": 0, "averageDaysInStage": 1.5,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 1, "dealsReachedStage": 4, "completionRate": 0.25 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 1, "dealsReachedStage": 4, "completionRate": 0.25 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 2, "reachedLater": 1, "conversionRate": 0.5, "lostInStage": 1, "averageDaysInStage": 2.5,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 1, "dealsReachedStage": 2, "completionRate": 0.5 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 1, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": 5,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 1, "dealsReachedStage": 1, "completionRate": 1 } ] }
          ],
          "won": { "count": 1, "value": { "EUR": 1500 } },
          "lost": { "count": 1, "value": { "PLN": 3000 } },
          "winRate": 0.5, "averageDaysToWin": 6
        }
        """;

    private const string OfSeller = """
        {
          "from": null, "to": null, "ownerId": "{Seller}", "currency": null, "deals": 3,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 3, "reachedLater": 3, "conversionRate": 1, "lostInStage": 0, "averageDaysInStage": 1.5,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 2, "dealsReachedStage": 3, "completionRate": 0.6667 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 1, "dealsReachedStage": 3, "completionRate": 0.3333 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 3, "reachedLater": 2, "conversionRate": 0.6667, "lostInStage": 1, "averageDaysInStage": 2.67,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 2, "dealsReachedStage": 3, "completionRate": 0.6667 },
                { "stepId": "{Legal}", "name": "Legal check", "archived": true,
                  "completed": 1, "dealsReachedStage": 3, "completionRate": 0.3333 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 2, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": 5,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 2, "dealsReachedStage": 2, "completionRate": 1 } ] }
          ],
          "won": { "count": 2, "value": { "EUR": 3500 } },
          "lost": { "count": 1, "value": { "PLN": 3000 } },
          "winRate": 0.6667, "averageDaysToWin": 8
        }
        """;

    private const string InEuro = """
        {
          "from": null, "to": null, "ownerId": null, "currency": "EUR", "deals": 4,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 1,
              "openValue": { "EUR": 500 }, "weightedValue": { "EUR": 62.5 },
              "reached": 4, "reachedLater": 3, "conversionRate": 0.75, "lostInStage": 0, "averageDaysInStage": 2,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 2, "dealsReachedStage": 4, "completionRate": 0.5 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 3, "dealsReachedStage": 4, "completionRate": 0.75 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 1,
              "openValue": { "EUR": 1000 }, "weightedValue": { "EUR": 500 },
              "reached": 3, "reachedLater": 2, "conversionRate": 0.6667, "lostInStage": 0, "averageDaysInStage": 2,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 3, "dealsReachedStage": 3, "completionRate": 1 },
                { "stepId": "{Legal}", "name": "Legal check", "archived": true,
                  "completed": 1, "dealsReachedStage": 3, "completionRate": 0.3333 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 2, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": 5,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 2, "dealsReachedStage": 2, "completionRate": 1 } ] }
          ],
          "won": { "count": 2, "value": { "EUR": 3500 } },
          "lost": { "count": 0, "value": {} },
          "winRate": 1, "averageDaysToWin": 8
        }
        """;

    private const string InZloty = """
        {
          "from": null, "to": null, "ownerId": null, "currency": "PLN", "deals": 2,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 1,
              "openValue": { "PLN": 4000 }, "weightedValue": { "PLN": 500 },
              "reached": 2, "reachedLater": 2, "conversionRate": 1, "lostInStage": 0, "averageDaysInStage": 1,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 2, "dealsReachedStage": 2, "completionRate": 1 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 0, "dealsReachedStage": 2, "completionRate": 0 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 2, "reachedLater": 0, "conversionRate": 0, "lostInStage": 1, "averageDaysInStage": 3.5,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 0, "dealsReachedStage": 2, "completionRate": 0 },
                { "stepId": "{Legal}", "name": "Legal check", "archived": true,
                  "completed": 1, "dealsReachedStage": 2, "completionRate": 0.5 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 0, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": null,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 0, "dealsReachedStage": 0, "completionRate": null } ] }
          ],
          "won": { "count": 0, "value": {} },
          "lost": { "count": 1, "value": { "PLN": 3000 } },
          "winRate": 0, "averageDaysToWin": null
        }
        """;

    /// <summary>The deal that went back from Offer to Lead, alone under its new owner.</summary>
    private const string OfNewcomer = """
        {
          "from": null, "to": null, "ownerId": "{Newcomer}", "currency": null, "deals": 1,
          "stages": [
            { "stageId": "{Lead}", "name": "Lead", "archived": false, "openDeals": 1,
              "openValue": { "PLN": 4000 }, "weightedValue": { "PLN": 500 },
              "reached": 1, "reachedLater": 1, "conversionRate": 1, "lostInStage": 0, "averageDaysInStage": 1,
              "steps": [
                { "stepId": "{Qualify}", "name": "Qualify", "archived": false,
                  "completed": 1, "dealsReachedStage": 1, "completionRate": 1 },
                { "stepId": "{Demo}", "name": "Demo", "archived": false,
                  "completed": 0, "dealsReachedStage": 1, "completionRate": 0 } ] },
            { "stageId": "{Offer}", "name": "Offer", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 1, "reachedLater": 0, "conversionRate": 0, "lostInStage": 0, "averageDaysInStage": 3,
              "steps": [
                { "stepId": "{Proposal}", "name": "Proposal", "archived": false,
                  "completed": 0, "dealsReachedStage": 1, "completionRate": 0 },
                { "stepId": "{Legal}", "name": "Legal check", "archived": true,
                  "completed": 1, "dealsReachedStage": 1, "completionRate": 1 } ] },
            { "stageId": "{Closing}", "name": "Closing", "archived": false, "openDeals": 0,
              "openValue": {}, "weightedValue": {},
              "reached": 0, "reachedLater": null, "conversionRate": null, "lostInStage": 0, "averageDaysInStage": null,
              "steps": [
                { "stepId": "{Signature}", "name": "Signature", "archived": false,
                  "completed": 0, "dealsReachedStage": 0, "completionRate": null } ] }
          ],
          "won": { "count": 0, "value": {} },
          "lost": { "count": 0, "value": {} },
          "winRate": null, "averageDaysToWin": null
        }
        """;

    private async Task<JsonObject> StatisticsAsync(DataSet data, string query) =>
        await Api.ExpectAsync(
            HttpMethod.Get, $"processes/{data.Process.Id}/statistics{query}", data.Key, HttpStatusCode.OK);

    /// <summary>
    /// Eight deals of two owners created in January and February 2025 (one of them deleted), in
    /// a process of three stages whose weights add up to 80 once "Legal check" (20) is deleted.
    /// </summary>
    private async Task<DataSet> DataSetAsync()
    {
        var account = await Api.CreateAccountAsync();
        var seller = await Api.CreateMemberAsync(account.AdministratorKey, "user");
        var process = await Api.CreateProcessAsync(account.AdministratorKey, Drafts.Parse("""
            {
              "name": "Pipeline",
              "stages": [
                { "name": "Lead", "steps": [ { "name": "Qualify", "weight": 10 }, { "name": "Demo", "weight": 10 } ] },
                { "name": "Offer", "steps": [
                  { "name": "Proposal", "weight": 20 }, { "name": "Legal check", "weight": 20 } ] },
                { "name": "Closing", "steps": [ { "name": "Signature", "weight": 40 } ] }
              ]
            }
            """));
        string lead = process.StageId(0), offer = process.StageId(1), closing = process.StageId(2);
        string qualify = process.StepId(0, 0), demo = process.StepId(0, 1), proposal = process.StepId(1, 0);
        string legal = process.StepId(1, 1), signature = process.StepId(2, 0);
        var boss = account.AdministratorId;
        var deals = new[]
        {
            // Open in Offer: 40 of 80 done, so 500 of its 1000 EUR are weighted.
            Imported(process.Id, boss, Day(1, 5), Eur(1000), DealStatus.Open, offer,
                [Visit(lead, Day(1, 5), Day(1, 7)), Visit(offer, Day(1, 7), null)], [qualify, demo, proposal]),

            // Went back from Offer to Lead; its "Legal check" no longer counts: 10 of 80 of 4000 PLN.
            Imported(process.Id, boss, Day(1, 10), Pln(4000), DealStatus.Open, lead,
                [
                    Visit(lead, Day(1, 10), Day(1, 11)), Visit(offer, Day(1, 11), Day(1, 14)),
                    Visit(lead, Day(1, 14), null),
                ],
                [qualify, legal]),

            // Won after 10 days.
            Imported(process.Id, seller.Id, Day(1, 20), Eur(2000), DealStatus.Won, closing,
                [
                    Visit(lead, Day(1, 20), Day(1, 22)), Visit(offer, Day(1, 22), Day(1, 25)),
                    Visit(closing, Day(1, 25), Day(1, 30)),
                ],
                [qualify, demo, proposal, legal, signature], Day(1, 30)),

            // Lost in Offer.
            Imported(process.Id, seller.Id, Day(2, 3), Pln(3000), DealStatus.Lost, offer,
                [Visit(lead, Day(2, 3), Day(2, 4)), Visit(offer, Day(2, 4), Day(2, 8))], [qualify], Day(2, 8)),

            // Lost on 12 February and reopened on the 15th: open again, its first stay counted.
            Imported(process.Id, boss, Day(2, 10), Eur(500), DealStatus.Open, lead,
                [Visit(lead, Day(2, 10), Day(2, 12)), Visit(lead, Day(2, 15), null)], [demo]),

            // Created in Offer (Lead counts as reached) and won after 6 days.
            Imported(process.Id, seller.Id, Day(2, 20), Eur(1500), DealStatus.Won, closing,
                [Visit(offer, Day(2, 20), Day(2, 21)), Visit(closing, Day(2, 21), Day(2, 26))], [proposal, signature],
                Day(2, 26)),

            // No value: counted as a deal, never as money.
            Imported(process.Id, boss, Day(2, 25), null, DealStatus.Open, lead, [Visit(lead, Day(2, 25), null)], []),

            // Deleted: counts nowhere.
            Imported(process.Id, boss, Day(1, 8), Eur(999), DealStatus.Open, lead, [Visit(lead, Day(1, 8), null)],
                [qualify]) with { Deleted = true },
        };
        await Service<IDealStore>().ImportAsync(account.Id, deals, CancellationToken.None);
        foreach (var deal in deals)
        {
            await Service<StatisticsService>().SyncDealAsync(account.Id, deal.Id, CancellationToken.None);
        }

        await Api.ExpectAsync(HttpMethod.Delete, $"processes/{process.Id}/stages/{offer}/steps/{legal}",
            account.AdministratorKey, HttpStatusCode.OK);
        var names = new Dictionary<string, string>
        {
            ["Lead"] = lead, ["Offer"] = offer, ["Closing"] = closing, ["Qualify"] = qualify, ["Demo"] = demo,
            ["Proposal"] = proposal, ["Legal"] = legal, ["Signature"] = signature, ["Seller"] = seller.Id,
        };
        return new DataSet(account.Id, account.AdministratorKey, process, seller.Id, deals[1].Id, names);
    }

    private static Deal Imported(
        string processId, string ownerId, DateTimeOffset createdAt, Money? value, DealStatus status, string stageId,
        StageVisit[] visits, string[] completedStepIds, DateTimeOffset? closedAt = null) => new()
    {
        Id = Ids.New("deal"), Title = "Imported deal", ProcessId = processId, OwnerId = ownerId, Value = value,
        StageId = stageId, StageVisits = visits, Status = status, CreatedAt = createdAt,
        UpdatedAt = closedAt ?? visits[^1].EnteredAt, ClosedAt = closedAt,
        ClosedProgress = status == DealStatus.Open ? null : 0,
        LostReason = status == DealStatus.Lost ? "Budget cut" : null,
        Completions = completedStepIds
            .Select(stepId => new StepCompletion(stepId, ownerId, createdAt, null, [], 1)).ToList(),
        Revision = 1,
    };

    private static StageVisit Visit(string stageId, DateTimeOffset enteredAt, DateTimeOffset? leftAt) =>
        new(stageId, enteredAt, leftAt);

    private static DateTimeOffset Day(int month, int day) => new(2025, month, day, 9, 0, 0, TimeSpan.Zero);

    private static Money Eur(decimal amount) => new(amount, "EUR");

    private static Money Pln(decimal amount) => new(amount, "PLN");

    /// <summary>
    /// Compares whole documents: object members in any order, numbers by value (500 equals
    /// 500.00), every member present on both sides.
    /// </summary>
    private static void AssertSameJson(JsonObject expected, JsonObject actual)
    {
        var expectedText = Canonical(expected)!.ToJsonString();
        var actualText = Canonical(actual)!.ToJsonString();
        Assert.True(expectedText == actualText, $"Expected:\n{expectedText}\nActual:\n{actualText}");
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonical).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            JsonValue.Create(decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                / 1.0000000000000000000000000000m),
        _ => node?.DeepClone(),
    };

    private sealed record DataSet(
        string AccountId,
        string Key,
        VersionedProcess Process,
        string Seller,
        string WentBackId,
        Dictionary<string, string> Names)
    {
        /// <summary>The expected document with the ids of this data set in place of {Name}.</summary>
        public JsonObject Expected(string template)
        {
            var json = Names.Aggregate(
                template, (text, name) => text.Replace($"{{{name.Key}}}", name.Value, StringComparison.Ordinal));
            var expected = Drafts.Parse(json);
            expected["processId"] = Process.Id;
            expected["processVersion"] = 2;
            return expected;
        }
    }
}
