using System.Globalization;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary><c>sys/health</c> (contract §9: codes, query overrides, body) and <c>sys/seal-status</c>; both unauthenticated.</summary>
internal static class VaultHealth
{
    public static VaultAnswer Health(VaultServerState state, IQueryCollection query, DateTimeOffset now)
    {
        var standbyOk = Flag(query, "standbyok");
        Flag(query, "perfstandbyok");
        var active = Code(query, "activecode", 200);
        var code = state.IsSealed ? Code(query, "sealedcode", 503)
            : state.IsStandby ? (standbyOk ? active : Code(query, "standbycode", 429))
            : active;
        Code(query, "uninitcode", 501);
        Code(query, "drsecondarycode", 472);
        Code(query, "performancestandbycode", 473);
        return VaultAnswer.Raw(code, new JsonObject
        {
            ["initialized"] = true,
            ["sealed"] = state.IsSealed,
            ["standby"] = state.IsSealed || state.IsStandby,
            ["performance_standby"] = false,
            ["replication_performance_mode"] = "disabled",
            ["replication_dr_mode"] = "disabled",
            ["server_time_utc"] = now.ToUnixTimeSeconds(),
            ["version"] = VaultServerState.Version,
            ["enterprise"] = false,
            ["cluster_name"] = VaultServerState.ClusterName,
            ["cluster_id"] = state.ClusterId,
            ["echo_duration_ms"] = 0,
            ["clock_skew_ms"] = 0,
        });
    }

    public static VaultAnswer SealStatus(VaultServerState state)
    {
        var body = new JsonObject
        {
            ["type"] = "shamir",
            ["initialized"] = true,
            ["sealed"] = state.IsSealed,
            ["t"] = 1,
            ["n"] = 1,
            ["progress"] = 0,
            ["nonce"] = string.Empty,
            ["version"] = VaultServerState.Version,
            ["build_date"] = "2024-02-28T17:07:34Z",
            ["migration"] = false,
            ["recovery_seal"] = false,
            ["storage_type"] = "inmem",
        };
        if (!state.IsSealed)
        {
            body["cluster_name"] = VaultServerState.ClusterName;
            body["cluster_id"] = state.ClusterId;
        }

        return VaultAnswer.Raw(200, body);
    }

    private static bool Flag(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return false;
        }

        var text = values.ToString();
        return GoBool.TryParse(text, out var value) ? value : throw VaultError.BadRequest($"bad value for {name} parameter");
    }

    private static int Code(IQueryCollection query, string name, int fallback)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999
            ? code
            : throw VaultError.BadRequest($"unable to parse {name} code: {text}");
    }
}
