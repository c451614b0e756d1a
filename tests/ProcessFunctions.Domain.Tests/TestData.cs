using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tests;

/// <summary>Small builders so each test states only what it is about.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static readonly Caller Administrator = new("acc_1", "mbr_admin", MemberRole.Administrator, "key_admin");

    public static Step Step(string id, int weight = 10) => new() { Id = id, Name = $"Step {id}", Weight = weight };

    public static Stage Stage(string id, params Step[] steps) => new(id, $"Stage {id}", steps);

    public static ProcessDefinition Process(params Stage[] stages) => new()
    {
        Id = "prc_1",
        Name = "Sales",
        Version = 1,
        Stages = stages,
        CreatedAt = Created,
        UpdatedAt = Created,
        UpdatedBy = "mbr_admin",
        Change = "Process created.",
    };

    /// <summary>Two stages: s1 holds a, b and c; s2 holds d.</summary>
    public static ProcessDefinition TwoStages() =>
        Process(Stage("s1", Step("a"), Step("b"), Step("c")), Stage("s2", Step("d")));

    public static StepDraft StepDraft(string name = "Call", int weight = 10, string? id = null) =>
        new() { Id = id, Name = name, Weight = weight };

    public static StageDraft StageDraft(string name, params StepDraft[] steps) => new() { Name = name, Steps = steps };

    public static string[] StageIds(ProcessDefinition process) => process.Stages.Select(s => s.Id).ToArray();

    public static string[] StepIds(ProcessDefinition process, string stageId) =>
        process.FindStage(stageId)!.Steps.Select(s => s.Id).ToArray();
}

/// <summary>Hands out predictable ids in place of <c>Ids.New</c>.</summary>
internal sealed class IdSequence
{
    private int _next;

    public string New(string prefix) => $"{prefix}_new{++_next}";
}

/// <summary>A clock that always reads the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
