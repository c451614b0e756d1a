using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Functions.Processes;

/// <summary>A process as the API shows it: the current version and whether new deals use it.</summary>
public sealed record ProcessResponse(
    string Id,
    string Name,
    string? Description,
    int Version,
    bool IsDefault,
    bool Archived,
    int TotalWeight,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<Stage> Stages)
{
    public static ProcessResponse From(ProcessView view)
    {
        var d = view.Definition;
        return new(d.Id, d.Name, d.Description, d.Version, view.IsDefault, d.Archived, d.TotalWeight, d.CreatedAt,
            d.UpdatedAt, d.UpdatedBy, d.Stages);
    }
}

public sealed record ProcessSummaryResponse(
    string Id,
    string Name,
    string? Description,
    int Version,
    bool IsDefault,
    bool Archived,
    int StageCount,
    int StepCount,
    int TotalWeight,
    DateTimeOffset UpdatedAt)
{
    public static ProcessSummaryResponse From((ProcessSummary Process, bool IsDefault) item)
    {
        var p = item.Process;
        return new(p.Id, p.Name, p.Description, p.Version, item.IsDefault, p.Archived, p.StageCount, p.StepCount,
            p.TotalWeight, p.UpdatedAt);
    }
}
