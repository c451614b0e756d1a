using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Functions.Http;

namespace ProcessFunctions.Functions.Deals;

/// <summary>Parses the deal list's query string: processId, stageId, status, ownerId, limit, cursor.</summary>
public static class DealQueries
{
    public static Result<DealQuery> Parse(RequestContext call)
    {
        var errors = new FieldErrors();
        string? Id(string name)
        {
            var value = call.Query(name);
            if (value is not null)
            {
                errors.Id(name, value);
            }

            return value;
        }

        var processId = Id("processId");
        var stageId = Id("stageId");
        var ownerId = Id("ownerId");
        DealStatus? status = null;
        if (call.Query("status") is { } text)
        {
            if (Enum.TryParse<DealStatus>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", "Must be open, won or lost.");
            }
        }

        if (!call.Page.TryGet(out var page, out var problem))
        {
            return problem;
        }

        return errors.Or(new DealQuery(new DealFilter(processId, stageId, status, ownerId), page));
    }
}
