using System.Security.Cryptography;
using System.Text;
using Recommender.Alibaba.OpenApi;

namespace Recommender.Alibaba.Tests;

/// <summary>Every vector of contract §1, published and derived.</summary>
public sealed class SignatureVectorTests
{
    private const string Date = "2024-01-01T00:00:00Z";

    [Theory]
    [InlineData("a b*c~d/é", "a%20b%2Ac~d%2F%C3%A9")]
    [InlineData("2016-02-23T12:46:24Z", "2016-02-23T12%3A46%3A24Z")]
    [InlineData("!'()+=&", "%21%27%28%29%2B%3D%26")]
    [InlineData("AZaz09-_.~", "AZaz09-_.~")]
    public void Percent_encoding_is_RFC_3986_with_upper_case_hex(string raw, string encoded) =>
        Assert.Equal(encoded, AcsPercentEncoder.Encode(raw));

    [Fact]
    public void Sha256_of_test_matches_the_SDK_util_vector() =>
        Assert.Equal("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AcsSignature.Sha256Hex("test"));

    [Fact]
    public void V3_published_vector_matches_canonical_request_string_to_sign_signature_and_header()
    {
        List<KeyValuePair<string, string>> headers =
        [
            new("host", "ecs.cn-shanghai.aliyuncs.com"), new("x-acs-action", "RunInstances"), new("x-acs-version", "2014-05-26"),
            new("x-acs-date", "2023-10-26T10:22:32Z"), new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            new("x-acs-content-sha256", AcsSignature.EmptyBodySha256),
        ];
        List<KeyValuePair<string, string>> query = [new("RegionId", "cn-shanghai"), new("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd")];

        var canonical = AcsSignature.V3CanonicalRequest("POST", "/", query, headers, AcsSignature.EmptyBodySha256);
        var stringToSign = AcsSignature.V3StringToSign(canonical);
        var signature = AcsSignature.V3Signature("YourAccessKeySecret", stringToSign);

        Assert.Equal(
            "POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
            + "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n"
            + "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
            + "x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\nx-acs-version:2014-05-26\n\n"
            + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            canonical);
        Assert.Equal("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", stringToSign);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signature);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
            + "x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            AcsSignature.V3Authorization("YourAccessKeyId", headers.Select(h => h.Key), signature));
    }

    [Fact]
    public void V3_derived_vector_A_DescribeInstanceTypes_with_paging_and_flattened_list()
    {
        var canonical = AcsSignature.V3CanonicalRequest(
            "POST",
            "/",
            [new("RegionId", "cn-hangzhou"), new("MaxResults", "100"), new("NextToken", "e71d8a535bd9cc11"),
             new("InstanceTypes.1", "ecs.g7.large"), new("InstanceTypes.2", "ecs.c7.large")],
            V3Headers("ecs.cn-hangzhou.aliyuncs.com", "DescribeInstanceTypes", "2014-05-26", "00000000000000000000000000000001", AcsSignature.EmptyBodySha256),
            AcsSignature.EmptyBodySha256);

        Assert.Contains("\nInstanceTypes.1=ecs.g7.large&InstanceTypes.2=ecs.c7.large&MaxResults=100&NextToken=e71d8a535bd9cc11&RegionId=cn-hangzhou\n", canonical, StringComparison.Ordinal);
        AssertV3(canonical, "5164f629c323f5dc7f92ad1d5719d855f67d44532f1394254a557226ad235de2", "07ff31f631b2b4b0eab3f43b3f79813b0dd0d1d29d706cb8539f258f20c35cd4");
    }

    [Fact]
    public void V3_derived_vector_B_ROA_JSON_body()
    {
        var body = """{"name":"demo","cluster_type":"ManagedKubernetes","region_id":"cn-hangzhou"}""";
        var hash = AcsSignature.Sha256Hex(body);
        Assert.Equal("3db91b954d33dedf2f15a3da3bf1b7aecaab9d7b6d05cd0a85f758e24926d6e2", hash);
        var headers = V3Headers("cs.cn-hangzhou.aliyuncs.com", "CreateCluster", "2015-12-15", "00000000000000000000000000000002", hash);
        headers.Add(new("content-type", "application/json"));

        var canonical = AcsSignature.V3CanonicalRequest("POST", AcsPercentEncoder.EncodePath("/clusters"), [], headers, hash);

        Assert.Contains("\ncontent-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n", canonical, StringComparison.Ordinal);
        AssertV3(canonical, "4d966a4529ae47780c714ec43fd1862c4358fc5808472d5b9dc54d9806bd1d28", "e7005c700dcee529448f8f41da265836fc83b600b411290b15a93e75e080f37d");
    }

    [Fact]
    public void V3_derived_vector_C_ROA_GET_with_query()
    {
        var canonical = AcsSignature.V3CanonicalRequest(
            "GET",
            AcsPercentEncoder.EncodePath("/k8s/c1234567890abcdef/user_config"),
            [new("TemporaryDurationMinutes", "60"), new("PrivateIpAddress", "false")],
            V3Headers("cs.cn-hangzhou.aliyuncs.com", "DescribeClusterUserKubeconfig", "2015-12-15", "00000000000000000000000000000003", AcsSignature.EmptyBodySha256),
            AcsSignature.EmptyBodySha256);

        AssertV3(canonical, "7bd09451a50ccfb7e71f5910a561d00c9fff790710ed55efe1398f73b8644373", "a4ad38f25357c6e5995e176b1a088b1a3173e7773bf8d8f86f7d23bb615987aa");
    }

    [Theory]
    [InlineData("GET", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=")]
    [InlineData("POST", "MxbnVAM4w6sft9xjVpe/GCKueuk=")]
    public void Legacy_RPC_vector_1_DescribeRegions(string method, string expected)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("Timestamp", "2016-02-23T12:46:24Z"), new("Format", "XML"), new("AccessKeyId", "testid"), new("Action", "DescribeRegions"),
            new("SignatureMethod", "HMAC-SHA1"), new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"), new("Version", "2014-05-26"),
            new("SignatureVersion", "1.0"),
        ];
        var stringToSign = AcsSignature.RpcStringToSign(method, parameters);
        if (method == "GET")
        {
            Assert.Equal(
                "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D"
                + "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
                stringToSign);
        }

        Assert.Equal(expected, AcsSignature.RpcSignature("testsecret", stringToSign));
    }

    [Theory]
    [InlineData("GET", "9NaGiOspFP5UPcwX8Iwt2YJXXuk=")]
    [InlineData("POST", "ZvQ9xGiFnquSJRvj+WE6kdSpTwU=")]
    public void Legacy_RPC_vector_2_DescribeDedicatedHosts(string method, string expected)
    {
        List<KeyValuePair<string, string>> parameters =
        [
            new("AccessKeyId", "testid"), new("Action", "DescribeDedicatedHosts"), new("Format", "JSON"), new("RegionId", "cn-beijing"),
            new("SignatureMethod", "HMAC-SHA1"), new("SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb"), new("SignatureVersion", "1.0"),
            new("Timestamp", "2023-03-13T08:34:30Z"), new("Version", "2014-05-26"),
        ];
        Assert.Equal(
            "AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing&SignatureMethod=HMAC-SHA1&SignatureNonce="
            + "edb2b34af0af9a6d14deaf7c1a5315eb&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26",
            AcsSignature.CanonicalQuery(parameters));
        Assert.Equal(expected, AcsSignature.RpcSignature("testsecret", AcsSignature.RpcStringToSign(method, parameters)));
    }

    [Fact]
    public void Legacy_RPC_SDK_util_vector() =>
        Assert.Equal("XlUyV4sXjOuX5FnjUz9IF9tm5rU=", AcsSignature.RpcSignature("secret", AcsSignature.RpcStringToSign("GET", [new("query", "test"), new("body", "test")])));

    [Fact]
    public void Legacy_ROA_SDK_util_signature() =>
        Assert.Equal("OmuTAr79tpI6CRoAdmzKRq5lHs0=", AcsSignature.RoaSignature("secret", "stringtosign"));

    [Fact]
    public void Legacy_ROA_string_to_sign_keeps_empty_slots_and_drops_empty_query_values()
    {
        Assert.Equal("GET\napplication/json\n\n\n\n/", AcsSignature.RoaStringToSign("GET", [new("accept", "application/json")], "/", []));
        Assert.Equal(
            "GET\napplication/json\nmd5\napplication/json\ndate\nx-acs-custom-key:any value\n/?key=val ue with space",
            AcsSignature.RoaStringToSign(
                "GET",
                [new("accept", "application/json"), new("content-md5", "md5"), new("content-type", "application/json"), new("date", "date"), new("x-acs-custom-key", "any value")],
                "/",
                [new("emptyKey", string.Empty), new("key", "val ue with space")]));
    }

    [Theory]
    [InlineData("application/xml", "key=value", "application/x-www-form-urlencoded", "U9uA3ftRZKixHPB08Z7Z4GOlpTY=")]
    [InlineData("application/json", "", "application/octet-stream", "degLHXLEN6rMojj+bOlK74U9iic=")]
    public void Legacy_ROA_Go_SDK_composer_vectors(string accept, string body, string contentType, string expected)
    {
        var md5 = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(body)));
        var stringToSign = AcsSignature.RoaStringToSign(
            "GET",
            [new("Accept", accept), new("Content-MD5", md5), new("Content-Type", contentType), new("Date", "mock date"),
             new("x-acs-signature-method", "HMAC-SHA1"), new("x-acs-signature-version", "1.0"), new("x-acs-version", string.Empty)],
            "/users/:user",
            []);
        Assert.Equal($"acs accessKeyId:{expected}", $"acs accessKeyId:{AcsSignature.RoaSignature("accessKeySecret", stringToSign)}");
    }

    private static List<KeyValuePair<string, string>> V3Headers(string host, string action, string version, string nonce, string hash) =>
    [
        new("host", host), new("x-acs-action", action), new("x-acs-version", version), new("x-acs-date", Date),
        new("x-acs-signature-nonce", nonce), new("x-acs-content-sha256", hash),
    ];

    private static void AssertV3(string canonical, string hashedCanonical, string signature)
    {
        Assert.Equal(hashedCanonical, AcsSignature.Sha256Hex(canonical));
        Assert.Equal(signature, AcsSignature.V3Signature("YourAccessKeySecret", AcsSignature.V3StringToSign(canonical)));
    }
}
