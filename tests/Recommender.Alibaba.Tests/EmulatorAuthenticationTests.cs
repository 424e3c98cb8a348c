using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Recommender.Alibaba.OpenApi;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>The emulator's gateway checks, driven with hand-signed requests (not our client).</summary>
public sealed class EmulatorAuthenticationTests : IAsyncLifetime
{
    private const string KeyId = EcsEmulatorOptions.DefaultAccessKeyId;
    private const string Secret = EcsEmulatorOptions.DefaultAccessKeySecret;
    private EcsEmulator emulator = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() =>
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 20, 2, DateTimeOffset.UtcNow)]));

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task V3_signed_request_is_accepted()
    {
        var (status, body) = await SendV3Async(KeyId, Secret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("Zones").GetProperty("Zone").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_access_key_is_InvalidAccessKeyId_NotFound_404()
    {
        var (status, body) = await SendV3Async("nobody", Secret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        AssertEcsError(status, body, HttpStatusCode.NotFound, "InvalidAccessKeyId.NotFound");
    }

    [Fact]
    public async Task Wrong_secret_is_SignatureDoesNotMatch_400()
    {
        var (status, body) = await SendV3Async(KeyId, "wrong", DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"));
        AssertEcsError(status, body, HttpStatusCode.BadRequest, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Timestamp_older_than_15_minutes_is_InvalidTimeStamp_Expired()
    {
        var (status, body) = await SendV3Async(KeyId, Secret, DateTimeOffset.UtcNow.AddMinutes(-16), Guid.NewGuid().ToString("N"));
        AssertEcsError(status, body, HttpStatusCode.BadRequest, "InvalidTimeStamp.Expired");
    }

    [Fact]
    public async Task Reused_nonce_is_SignatureNonceUsed()
    {
        var nonce = Guid.NewGuid().ToString("N");
        var (first, _) = await SendV3Async(KeyId, Secret, DateTimeOffset.UtcNow, nonce);
        var (status, body) = await SendV3Async(KeyId, Secret, DateTimeOffset.UtcNow, nonce);
        Assert.Equal(HttpStatusCode.OK, first);
        AssertEcsError(status, body, HttpStatusCode.BadRequest, "SignatureNonceUsed");
    }

    [Fact]
    public async Task An_x_acs_header_left_out_of_SignedHeaders_is_IncompleteSignature()
    {
        var (status, body) = await SendV3Async(KeyId, Secret, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N"), extraUnsignedHeader: true);
        AssertEcsError(status, body, HttpStatusCode.BadRequest, "IncompleteSignature");
    }

    [Fact]
    public async Task Legacy_RPC_POST_signature_is_accepted_and_a_tampered_one_rejected()
    {
        foreach (var (tamper, expected) in new[] { (false, HttpStatusCode.OK), (true, HttpStatusCode.BadRequest) })
        {
            List<KeyValuePair<string, string>> parameters =
            [
                new("Action", "DescribeZones"), new("Version", "2014-05-26"), new("Format", "JSON"), new("AccessKeyId", KeyId),
                new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"), new("SignatureNonce", Guid.NewGuid().ToString("N")),
                new("Timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)), new("RegionId", "cn-hangzhou"),
            ];
            var signature = AcsSignature.RpcSignature(Secret, AcsSignature.RpcStringToSign("POST", parameters));
            parameters.Add(new("Signature", tamper ? "AAAA" + signature[4..] : signature));
            var query = string.Join('&', parameters.Select(p => $"{AcsPercentEncoder.Encode(p.Key)}={AcsPercentEncoder.Encode(p.Value)}"));
            using var response = await http.PostAsync(new Uri(emulator.BaseAddress, "/?" + query), null);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task Legacy_ROA_signature_is_verified_before_the_CS_path_answers()
    {
        // The CS API's own error has CS's lower-case shape; the gateway's signature error keeps the gateway shape (§6).
        foreach (var (secret, expectedCode, codeKey) in new[] { (Secret, "ErrorClusterNotFound", "code"), ("wrong", "SignatureDoesNotMatch", "Code") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress, "/clusters/c1?name=demo"));
            var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            request.Headers.TryAddWithoutValidation("Date", date);
            request.Headers.TryAddWithoutValidation("x-acs-version", "2015-12-15");
            request.Headers.TryAddWithoutValidation("x-acs-signature-method", "HMAC-SHA1");
            request.Headers.TryAddWithoutValidation("x-acs-signature-version", "1.0");
            var nonce = Guid.NewGuid().ToString("N");
            request.Headers.TryAddWithoutValidation("x-acs-signature-nonce", nonce);
            var stringToSign = AcsSignature.RoaStringToSign(
                "GET",
                [new("Accept", "application/json"), new("Date", date), new("x-acs-version", "2015-12-15"), new("x-acs-signature-method", "HMAC-SHA1"),
                 new("x-acs-signature-version", "1.0"), new("x-acs-signature-nonce", nonce)],
                "/clusters/c1",
                [new("name", "demo")]);
            request.Headers.TryAddWithoutValidation("Authorization", $"acs {KeyId}:{AcsSignature.RoaSignature(secret, stringToSign)}");
            using var response = await http.SendAsync(request);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(expectedCode, body.RootElement.GetProperty(codeKey).GetString());
            Assert.Equal(codeKey == "Code", body.RootElement.TryGetProperty("HostId", out _));
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendV3Async(
        string keyId, string secret, DateTimeOffset at, string nonce, bool extraUnsignedHeader = false)
    {
        var uri = new Uri(emulator.BaseAddress, "/?RegionId=cn-hangzhou");
        List<KeyValuePair<string, string>> headers =
        [
            new("host", uri.Authority), new("x-acs-action", "DescribeZones"), new("x-acs-version", "2014-05-26"),
            new("x-acs-date", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", nonce), new("x-acs-content-sha256", Convert.ToHexStringLower(SHA256.HashData([]))),
        ];
        var canonical = AcsSignature.V3CanonicalRequest("POST", "/", [new("RegionId", "cn-hangzhou")], headers, AcsSignature.EmptyBodySha256);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        foreach (var (name, value) in headers.Where(h => h.Key != "host"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (extraUnsignedHeader)
        {
            request.Headers.TryAddWithoutValidation("x-acs-credentials-provider", "static_ak");
        }

        request.Headers.TryAddWithoutValidation(
            "Authorization", AcsSignature.V3Authorization(keyId, headers.Select(h => h.Key), AcsSignature.V3Signature(secret, AcsSignature.V3StringToSign(canonical))));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertEcsError(HttpStatusCode status, JsonElement body, HttpStatusCode expectedStatus, string expectedCode)
    {
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedCode, body.GetProperty("Code").GetString());
        foreach (var field in (string[])["Message", "RequestId", "HostId", "Recommend"])
        {
            Assert.False(string.IsNullOrEmpty(body.GetProperty(field).GetString()), field);
        }
    }
}
