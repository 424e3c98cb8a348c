using Microsoft.Extensions.Logging;

namespace Recommender.Expander.Consultations;

/// <summary>The decision log's lines in the service log: one Information line per consultation (no secrets: sizes, types, prices).</summary>
internal static partial class ConsultationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message =
        "Consultation {Kind} {ConsultationId} cluster {Organization}/{Cluster}: {Outcome}, adds {AddedHourlyPrice}/h, catalog {CatalogVersion}; "
        + "asked {Input}; answered {Answer}; why {Why}")]
    public static partial void Recorded(
        ILogger logger, string kind, string consultationId, string organization, string cluster, string outcome, decimal? addedHourlyPrice,
        long catalogVersion, string input, string answer, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consultation {ConsultationId} could not be kept in the decision log")]
    public static partial void NotKept(ILogger logger, Exception exception, string consultationId);
}
