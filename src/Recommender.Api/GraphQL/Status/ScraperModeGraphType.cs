using GraphQL.Types;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Status;

public sealed class ScraperModeGraphType : EnumerationGraphType<ScraperMode>
{
    public ScraperModeGraphType()
    {
        Name = "ScraperMode";
        Description = "NOT_STARTED, RUNNING, DISABLED (see reason), FAILED (scheduler could not start; see reason) or STOPPED.";
    }
}
