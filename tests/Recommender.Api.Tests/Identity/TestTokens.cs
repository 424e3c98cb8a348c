using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using Recommender.Api.Identity;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// Every host in this test assembly trusts one HS256 test key (set process-wide before any host starts) and keeps its
/// files in a temporary data directory, so no test touches the user's development key. Tokens are minted per test.
/// </summary>
public static class TestTokens
{
    public const string Audience = "recommender";

    public static readonly byte[] Key = Encoding.UTF8.GetBytes("recommender-api-tests-signing-key-0123456789");

    /// <summary>The organisation whose admins are operators in every test host.</summary>
    public const string OperatorOrganization = "ops";

    public static string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"recommender-api-tests-{Environment.ProcessId}");

#pragma warning disable CA2255 // Test-assembly setup: the hosts read these variables when they build their configuration.
    [ModuleInitializer]
#pragma warning restore CA2255
    public static void UseTestKey()
    {
        Environment.SetEnvironmentVariable("Identity__SigningKey", Encoding.UTF8.GetString(Key));
        Environment.SetEnvironmentVariable("Identity__OperatorOrganization", OperatorOrganization);
        Environment.SetEnvironmentVariable("DataDirectory", DataDirectory);
        // Tests share users (alice, operator); MutationRateLimitTests sets its own pace.
        Environment.SetEnvironmentVariable("Identity__MutationBurst", "100000");
    }

    public static string Mint(string subject, params (string Organization, OrganizationRole Role)[] organizations) =>
        TokenMinter.Mint(Key, "tests", Audience, subject, organizations.ToDictionary(o => o.Organization, o => o.Role), DateTimeOffset.UtcNow,
            TimeSpan.FromHours(1));

    public static string Admin(string organization, string subject = "alice") => Mint(subject, (organization, OrganizationRole.Admin));

    public static string Member(string organization, string subject = "bob") => Mint(subject, (organization, OrganizationRole.Member));

    /// <summary>An admin of the operator organisation: may refresh the catalog.</summary>
    public static string Operator { get; } = Admin(OperatorOrganization, "operator");

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
