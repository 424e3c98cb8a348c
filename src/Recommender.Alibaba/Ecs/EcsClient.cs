using System.Globalization;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Ecs;

/// <summary>The ECS catalog APIs (version 2014-05-26) over <see cref="OpenApiClient"/>, paging included.</summary>
public sealed class EcsClient(OpenApiClient client)
{
    public const string Product = "Ecs";
    public const string Version = "2014-05-26";

    /// <summary>ECS caps DescribeInstanceTypes pages at 100 since 2023-11-15.</summary>
    public const int InstanceTypesPageSize = 100;

    internal async Task<IReadOnlyList<DescribeRegionsResponse.RegionItem>> DescribeRegionsAsync(string endpointRegion, ApiCallMeter? meter, CancellationToken ct)
    {
        var response = await CallAsync("DescribeRegions", endpointRegion, [new("AcceptLanguage", "en-US")], EcsJsonContext.Default.DescribeRegionsResponse, meter, ct)
            .ConfigureAwait(false);
        return response.Regions?.Region ?? [];
    }

    internal async Task<IReadOnlyList<DescribeZonesResponse.ZoneItem>> DescribeZonesAsync(string region, ApiCallMeter? meter, CancellationToken ct)
    {
        var response = await CallAsync(
            "DescribeZones", region, [new("RegionId", region), new("AcceptLanguage", "en-US")], EcsJsonContext.Default.DescribeZonesResponse, meter, ct)
            .ConfigureAwait(false);
        return response.Zones?.Zone ?? [];
    }

    /// <summary>
    /// Every page of DescribeInstanceTypes, the global catalogue: like the SDKs it sends no RegionId, and
    /// <paramref name="region"/> only picks the endpoint. A token seen before means endless paging and fails the call.
    /// </summary>
    internal async Task<IReadOnlyList<EcsInstanceType>> DescribeInstanceTypesAsync(string region, ApiCallMeter? meter, CancellationToken ct)
    {
        var all = new List<EcsInstanceType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            List<KeyValuePair<string, string>> parameters = [new("MaxResults", InstanceTypesPageSize.ToString(CultureInfo.InvariantCulture))];
            if (token is not null)
            {
                parameters.Add(new("NextToken", token));
            }

            var page = await CallAsync("DescribeInstanceTypes", region, parameters, EcsJsonContext.Default.DescribeInstanceTypesResponse, meter, ct)
                .ConfigureAwait(false);
            all.AddRange(page.InstanceTypes?.InstanceType ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (token is not null && !seen.Add(token))
            {
                throw new CloudApiException(
                    AlibabaErrorCodes.ClientPageTokenLoop,
                    CredentialRedactor.Redact($"DescribeInstanceTypes in {region} returned page token '{token}' twice after {seen.Count} pages."),
                    page.RequestId is null ? null : CredentialRedactor.Redact(page.RequestId, maxLength: CredentialRedactor.MaxIdLength),
                    isTransient: true);
            }
        }
        while (token is not null);

        return all;
    }

    /// <summary>Per-zone stock of instance types, pay-as-you-go, or spot when <paramref name="spotStrategy"/> is given.</summary>
    internal async Task<IReadOnlyList<DescribeAvailableResourceResponse.AvailableZoneItem>> DescribeAvailableInstanceTypesAsync(
        string region, string? spotStrategy, ApiCallMeter? meter, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> parameters =
            [new("RegionId", region), new("DestinationResource", "InstanceType"), new("InstanceChargeType", "PostPaid")];
        if (spotStrategy is not null)
        {
            parameters.Add(new("SpotStrategy", spotStrategy));
        }

        var response = await CallAsync("DescribeAvailableResource", region, parameters, EcsJsonContext.Default.DescribeAvailableResourceResponse, meter, ct)
            .ConfigureAwait(false);
        return response.AvailableZones?.AvailableZone ?? [];
    }

    /// <summary>Hourly pay-as-you-go (Linux, VPC) price of one instance type.</summary>
    internal Task<DescribePriceResponse> DescribeInstancePriceAsync(string region, string instanceType, ApiCallMeter? meter, CancellationToken ct) =>
        CallAsync(
            "DescribePrice",
            region,
            [new("RegionId", region), new("ResourceType", "instance"), new("InstanceType", instanceType), new("PriceUnit", "Hour"), new("Period", "1")],
            EcsJsonContext.Default.DescribePriceResponse,
            meter,
            ct);

    /// <summary>Recent spot prices of one type in every zone (Linux, VPC), all pages.</summary>
    internal async Task<(string? Currency, IReadOnlyList<DescribeSpotPriceHistoryResponse.SpotPriceItem> Rows)> DescribeSpotPriceHistoryAsync(
        string region, string instanceType, ApiCallMeter? meter, CancellationToken ct)
    {
        var rows = new List<DescribeSpotPriceHistoryResponse.SpotPriceItem>();
        string? currency = null;
        var offset = 0;
        while (true)
        {
            List<KeyValuePair<string, string>> parameters =
                [new("RegionId", region), new("InstanceType", instanceType), new("NetworkType", "vpc"), new("OSType", "linux")];
            if (offset > 0)
            {
                parameters.Add(new("Offset", offset.ToString(CultureInfo.InvariantCulture)));
            }

            var page = await CallAsync("DescribeSpotPriceHistory", region, parameters, EcsJsonContext.Default.DescribeSpotPriceHistoryResponse, meter, ct)
                .ConfigureAwait(false);
            currency ??= page.Currency;
            var items = page.SpotPrices?.SpotPriceType ?? [];
            rows.AddRange(items);
            if (items.Count == 0 || page.NextOffset is not { } next || next <= offset)
            {
                return (currency, rows);
            }

            offset = next;
        }
    }

    private Task<T> CallAsync<T>(
        string action,
        string region,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type,
        ApiCallMeter? meter,
        CancellationToken ct) =>
        client.CallAsync(new RpcCall(Product, Version, action, region, parameters), type, meter, ct);
}
