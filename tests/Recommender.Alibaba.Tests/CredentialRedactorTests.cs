using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba.Tests;

public sealed class CredentialRedactorTests
{
    private const string KeyId = "LTAI5tRk8ZqExampleId01";
    private const string Secret = "q7Xw2ExampleSecretValue0123456789";
    private const string Token = "CAIS8gF1q6Ft5B2yfSjIr5bkKd3Xq+/9Example/Token=";
    private const string Hex = "0b9f3a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708";

    private static readonly CloudCredentials Credentials = new(KeyId, Secret, Token);

    /// <summary>Not shaped like anything Alibaba issues: only the exact-value rule can catch them.</summary>
    private static readonly CloudCredentials Unshaped = new("plainkeyid-000111", "plainsecret-222333444", "plaintoken-555666777888");

    [Theory]
    [InlineData("key plainkeyid-000111 was used")]
    [InlineData("secret plainsecret-222333444 leaked")]
    [InlineData("token plaintoken-555666777888 leaked")]
    public void The_credentials_of_the_call_are_replaced_wherever_they_stand(string text)
    {
        var redacted = CredentialRedactor.Redact(text, Unshaped);

        AssertClean(redacted, Unshaped);
        Assert.Contains(CredentialRedactor.Redacted, redacted, StringComparison.Ordinal);
        Assert.StartsWith(text[..text.IndexOf(' ', StringComparison.Ordinal)], redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Percent_encoded_and_JSON_escaped_copies_of_a_credential_are_replaced_too()
    {
        var secret = new CloudCredentials("plainkeyid-000111", "secret+with/odd=chars", "token+with/slashes=");
        var text = $"q=token%2Bwith%2Fslashes%3D&lower=token%2bwith%2fslashes%3d json=\"secret\\u002Bwith/odd=chars\" raw=secret+with/odd=chars";

        var redacted = CredentialRedactor.Redact(text, secret);

        Assert.DoesNotContain("with", redacted, StringComparison.Ordinal);
        Assert.Equal(4, Count(redacted, CredentialRedactor.Redacted));
    }

    [Theory]
    [InlineData("AccessKeyId LTAI5tRk8ZqOtherKey99 is not allowed", "LTAI5tRk8ZqOtherKey99")]
    [InlineData("key=STS.NUd9ExampleStsKeyId42 expired", "STS.NUd9ExampleStsKeyId42")]
    [InlineData("token CAISxyzExampleOtherToken+abc/def== in the log", "CAISxyzExampleOtherToken+abc/def==")]
    public void Alibaba_key_ids_and_sts_tokens_are_redacted_by_their_shape(string text, string credential)
    {
        var redacted = CredentialRedactor.Redact(text);

        Assert.DoesNotContain(credential, redacted, StringComparison.Ordinal);
        Assert.Contains(CredentialRedactor.Redacted, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x-acs-security-token: opaque-token-value\nhost: ecs", "opaque-token-value")]
    [InlineData("X-Acs-Security-Token=opaque-token-value&RegionId=cn", "opaque-token-value")]
    [InlineData("SecurityToken=opaque-token-value&RegionId=cn", "opaque-token-value")]
    [InlineData("{\"SecurityToken\":\"opaque-token-value\",\"RegionId\":\"cn\"}", "opaque-token-value")]
    [InlineData("security_token: [opaque-token-value]", "opaque-token-value")]
    [InlineData("Signature=c2lnbmF0dXJlLXZhbHVl%3D&SignatureMethod=HMAC-SHA1", "c2lnbmF0dXJlLXZhbHVl")]
    [InlineData("GET /?Action=DescribeZones&signature=abcdef0123456789 HTTP/1.1", "abcdef0123456789")]
    [InlineData("x-acs-signature-nonce: 5f1c0e7a9b8d4c3e\nx-acs-signature-method: HMAC-SHA1", "5f1c0e7a9b8d4c3e")]
    [InlineData("x-acs-signature-version: 1.0-secretish", "1.0-secretish")]
    [InlineData("AccessKeySecret=opaque-secret-value", "opaque-secret-value")]
    [InlineData("access_key_id: opaque-key-id", "opaque-key-id")]
    [InlineData("x-acs-accesskey-id: opaque-key-id", "opaque-key-id")]
    [InlineData("Credential=opaque-key-id,SignedHeaders=host", "opaque-key-id")]
    public void Values_of_credential_headers_and_parameters_are_redacted(string text, string value)
    {
        var redacted = CredentialRedactor.Redact(text);

        Assert.DoesNotContain(value, redacted, StringComparison.Ordinal);
        Assert.Contains(CredentialRedactor.Redacted, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"Authorization: ACS3-HMAC-SHA256 Credential=opaque-key-id,SignedHeaders=host;x-acs-action;x-acs-date,Signature={Hex}\nhost: ecs")]
    [InlineData($"authorization=ACS3-HMAC-SHA256 Credential=opaque-key-id, SignedHeaders=host;x-acs-date, Signature={Hex}")]
    [InlineData($"{{\"Authorization\":[\"ACS3-HMAC-SHA256 Credential=opaque-key-id,SignedHeaders=host,Signature={Hex}\"]}}")]
    [InlineData($"echo: ACS3-HMAC-SHA256 Credential=opaque-key-id,SignedHeaders=host;x-acs-date,Signature={Hex} (as received)")]
    [InlineData($"Authorization: acs opaque-key-id:{Hex}")]
    public void Authorization_values_are_redacted_key_id_and_signature_alike(string text)
    {
        var redacted = CredentialRedactor.Redact(text);

        Assert.DoesNotContain("opaque-key-id", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Hex[..16], redacted, StringComparison.Ordinal);
        Assert.Contains(CredentialRedactor.Redacted, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void An_echoed_request_keeps_its_harmless_parts()
    {
        var text = $"""
            The upstream rejected the request:
            POST /?RegionId=cn-hangzhou HTTP/1.1
            Host: ecs.cn-hangzhou.aliyuncs.com
            Authorization: ACS3-HMAC-SHA256 Credential={KeyId},SignedHeaders=host;x-acs-action;x-acs-security-token,Signature={Hex}
            x-acs-action: DescribeZones
            x-acs-security-token: {Token}
            x-acs-signature-nonce: 7a1b2c3d4e5f
            query parameters: RegionId=cn-hangzhou
            """;

        var redacted = CredentialRedactor.Redact(text, Credentials);

        AssertClean(redacted, Credentials);
        Assert.DoesNotContain(Hex[..16], redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("7a1b2c3d4e5f", redacted, StringComparison.Ordinal);
        Assert.Contains("The upstream rejected the request: POST /?RegionId=cn-hangzhou HTTP/1.1", redacted, StringComparison.Ordinal);
        Assert.Contains("x-acs-action: DescribeZones", redacted, StringComparison.Ordinal);
        Assert.Contains("query parameters: RegionId=cn-hangzhou", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Specified signature is not matched with our calculation. server string to sign is:ACS3-HMAC-SHA256 9c0e4f")]
    [InlineData("Request was denied due to user flow control.")]
    [InlineData("The specified parameter RegionId is not valid.")]
    [InlineData("DescribeZones in cn-hangzhou failed with HTTP 404: Specified access key is not found.")]
    [InlineData("InvalidAccessKeyId.NotFound")]
    [InlineData("SignatureDoesNotMatch")]
    [InlineData("cn-hangzhou: DescribePrice for ecs.g7.large has no PriceInfo.Price.")]
    [InlineData("The specified InstanceType ecs.LTAI is not valid; see https://api.aliyun.com/troubleshoot?q=x&product=Ecs")]
    public void An_ordinary_message_is_left_intact(string text)
    {
        Assert.Equal(text, CredentialRedactor.Redact(text, Credentials));
    }

    [Fact]
    public void Values_too_short_to_be_issued_credentials_are_not_hunted_for()
    {
        var toy = new CloudCredentials("id", "wrong");

        Assert.Equal("something went wrong", CredentialRedactor.Redact("something went wrong", toy));
    }

    [Fact]
    public void Long_text_is_cut_and_marked()
    {
        var redacted = CredentialRedactor.Redact(new string('x', 5000));

        Assert.Equal(CredentialRedactor.MaxLength, redacted.Length);
        Assert.EndsWith("[truncated]", redacted, StringComparison.Ordinal);
        Assert.Equal(CredentialRedactor.MaxIdLength, CredentialRedactor.Redact(new string('x', 5000), maxLength: CredentialRedactor.MaxIdLength).Length);
    }

    [Fact]
    public void A_huge_text_cut_before_scanning_leaves_no_piece_of_a_credential()
    {
        // Every copy shrinks to "[redacted]", pulling the cut end of the scanned text into what is kept.
        var secret = "unshaped" + new string('s', 492);
        var text = string.Join(' ', Enumerable.Repeat(secret, 40));

        var redacted = CredentialRedactor.Redact(text, new CloudCredentials("plainkeyid-000111", secret));

        Assert.DoesNotContain("unshaped", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("sssss", redacted, StringComparison.Ordinal);
        Assert.EndsWith("[truncated]", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_cannot_start_a_new_log_line()
    {
        var redacted = CredentialRedactor.Redact("first\r\nWARN forged line\u2028third\u0000");

        Assert.Equal("first  WARN forged line third ", redacted);
    }

    [Fact]
    public void Nothing_in_nothing_out()
    {
        Assert.Equal("", CredentialRedactor.Redact(null, Credentials));
        Assert.Equal("", CredentialRedactor.Redact("", Credentials));
    }

    private static void AssertClean(string text, CloudCredentials credentials)
    {
        Assert.DoesNotContain(credentials.AccessKeyId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.AccessKeySecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(credentials.SecurityToken!, text, StringComparison.Ordinal);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
