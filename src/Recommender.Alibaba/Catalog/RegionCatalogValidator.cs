using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Catalog;

/// <summary>Last gate before a scraped region leaves the provider: a catalog that fails here is never returned.</summary>
public static class RegionCatalogValidator
{
    public static void Validate(RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            RegionCatalogRules.Validate(catalog, catalog.Region.Id);
        }
        catch (CatalogFormatException ex)
        {
            // Inconsistent answers (a type priced but never listed, stock in a zone that vanished) come from reading
            // APIs at slightly different moments: another refresh usually succeeds, hence transient. The message quotes
            // names from the answers, so it is redacted, and the exception that holds it unredacted is not attached.
            throw new CloudApiException(
                AlibabaErrorCodes.ClientInconsistentData, CredentialRedactor.Redact($"Refusing the catalog: {ex.Message}"), isTransient: true);
        }
    }
}
