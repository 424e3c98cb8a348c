namespace Recommender.Provisioning;

/// <summary>The <c>extensions.code</c> values provisioning adds to <see cref="Core.Errors.ErrorCodes"/>. Public API: never rename one.</summary>
public static class ProvisioningErrorCodes
{
    /// <summary>A pool's hourly price moved by the margin or more since it was quoted (<c>extensions</c>: pool, instanceType, quoted, current, percent, margin).</summary>
    public const string PriceDrifted = "PRICE_DRIFTED";

    /// <summary>An instance type is not sold (or sold out) in a chosen zone (<c>extensions</c>: instanceType, zone, region).</summary>
    public const string TypeUnavailable = "TYPE_UNAVAILABLE";

    /// <summary>The operation is not in a state that allows the request (e.g. retrying one that did not fail; <c>extensions.state</c>).</summary>
    public const string InvalidOperationState = "INVALID_OPERATION_STATE";
}
