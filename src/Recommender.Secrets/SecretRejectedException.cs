using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// The cloud refused the credentials of a secret being saved (wrong key, disabled key, no rights): a caller's mistake,
/// so <c>BAD_USER_INPUT</c>, with the vendor's code and request id for the caller's own support case. Nothing was stored.
/// </summary>
public sealed class SecretRejectedException(CloudApiException refusal)
    : RecommenderException($"The cloud refused these credentials ({refusal.VendorCode}); nothing was stored. Check the key pair, or save without verification.")
{
    public string VendorCode { get; } = refusal.VendorCode;

    public string? RequestId { get; } = refusal.RequestId;

    public override string Code => ErrorCodes.BadUserInput;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["argument"] = "input.values",
        ["vendorCode"] = VendorCode,
        ["requestId"] = RequestId,
    };
}
