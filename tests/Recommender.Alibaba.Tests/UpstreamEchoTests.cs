using System.Text.RegularExpressions;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// An upstream that echoes the request into its error answer (the emulator's EchoRequest fault): what the signed client
/// turns that into must carry none of our credential material.
/// </summary>
public sealed partial class UpstreamEchoTests
{
    private const string KeyId = "LTAI5tEchoTestKeyId0001";
    private const string Secret = "EchoTestSecret0123456789abcdefXY";
    private const string Token = "CAISechoTestSecurityToken+Part1/Part2+Part3/Part4==";

    private const string Region = "cn-hangzhou";

    private static readonly RegionCatalog Hangzhou =
        SyntheticCatalog.Region(Region, 20, 2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Credentials under test: an LTAI key with an STS token, as a real deployment would have.</summary>
    private static Dictionary<string, string?> Settings() => new()
    {
        ["Alibaba:AccessKeyId"] = KeyId,
        ["Alibaba:AccessKeySecret"] = Secret,
        ["Alibaba:SecurityToken"] = Token,
    };

    /// <summary>The V3 signatures the emulator echoed back: they are credential material too.</summary>
    private static IReadOnlyList<string> EchoedSignatures(EcsEmulator emulator) =>
        [.. emulator.Echoes.SelectMany(e => SignatureValue().Matches(e)).Select(m => m.Groups[1].Value).Distinct()];

    /// <summary>Fails when <paramref name="text"/> holds the key id, secret, token or any echoed signature.</summary>
    private static void AssertNoCredentials(string? text, IReadOnlyList<string> signatures, string where)
    {
        if (text is null)
        {
            return;
        }

        foreach (var secret in new[] { KeyId, Secret, Token, Uri.EscapeDataString(Token), "CAISechoTest" }.Concat(signatures))
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} leaks '{secret}': {text}");
        }
    }

    [Fact]
    public async Task An_error_that_echoes_the_request_reaches_the_caller_redacted()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.For("DescribeZones").EchoRequestNext = 1;

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        var signatures = AssertEchoLeakedEverything(host.Emulator);
        AssertNoCredentials(error.Message, signatures, "the message");
        AssertNoCredentials(error.VendorCode, signatures, "the vendor code");
        AssertNoCredentials(error.RequestId, signatures, "the request id");
        AssertNoCredentials(error.ToString(), signatures, "the exception as logged");
        Assert.Equal("InvalidParameter", error.VendorCode);
        Assert.False(error.IsTransient);
        // What makes the message useful stays.
        Assert.Contains("DescribeZones in cn-hangzhou failed with HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("x-acs-action: DescribeZones", error.Message, StringComparison.Ordinal);
        Assert.Contains(CredentialRedactor.Redacted, error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length <= CredentialRedactor.MaxLength + 200, error.Message);
        Assert.True(error.RequestId!.Length <= CredentialRedactor.MaxIdLength);
    }

    [Fact]
    public async Task A_refresh_that_meets_the_echo_fails_without_leaking()
    {
        await using var host = await StartAsync();
        host.Emulator.Faults.ForAll(f => f.EchoRequestRate = 1);

        var error = await Assert.ThrowsAsync<CloudApiException>(
            () => host.Provider.RefreshRegionAsync(Hangzhou.Region, RefreshKind.Full, null, CancellationToken.None));

        var signatures = AssertEchoLeakedEverything(host.Emulator);
        AssertNoCredentials(error.ToString(), signatures, "the refresh failure");
        AssertNoCredentials(error.RequestId, signatures, "the request id");
    }

    /// <summary>Without this, a test could pass because the echo never held anything worth hiding.</summary>
    private static IReadOnlyList<string> AssertEchoLeakedEverything(EcsEmulator emulator)
    {
        Assert.NotEmpty(emulator.Echoes);
        Assert.All(emulator.Echoes, echo =>
        {
            Assert.Contains(KeyId, echo, StringComparison.Ordinal);
            Assert.Contains(Token, echo, StringComparison.Ordinal);
        });
        var signatures = EchoedSignatures(emulator);
        Assert.NotEmpty(signatures);
        return signatures;
    }

    private static async Task<AlibabaTestHost> StartAsync()
    {
        var options = new EcsEmulatorOptions();
        options.AccessKeys[KeyId] = Secret;
        return await AlibabaTestHost.StartAsync(new EmulatorCatalog([Hangzhou]), Settings(), emulatorOptions: options);
    }

    [GeneratedRegex("Signature=([0-9a-fA-F]{16,})")]
    private static partial Regex SignatureValue();
}
