using GraphQL.Types;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Refresh;

public sealed class RefreshErrorGraphType : ObjectGraphType<RefreshError>
{
    public RefreshErrorGraphType()
    {
        Name = "RefreshError";
        Description = "Why the last refresh attempt failed; the data from the last good refresh is still served.";
        Field("code", x => x.Code).Description("Error code, as in GraphQL extensions.code (e.g. PROVIDER_THROTTLED, REFRESH_TIMEOUT).");
        Field("vendorCode", x => x.VendorCode, nullable: true)
            .Description("The provider's own error code when a cloud API call failed (e.g. Throttling.User, InvalidAccessKeyId.NotFound).");
        Field("message", x => x.Message).Description("What went wrong.");
        Field("transient", x => x.IsTransient).Description("True when retrying later may succeed.");
        Field("at", x => x.At).Description("When the attempt failed.");
    }
}
