using Microsoft.Extensions.Configuration;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba;

/// <summary>
/// Credentials from configuration keys <c>Alibaba:AccessKeyId</c> / <c>Alibaba:AccessKeySecret</c> (and optional
/// <c>Alibaba:SecurityToken</c>), read on every call so a reloaded configuration takes effect; null when absent.
/// Configuration holds one account, so <c>accountRef</c> is not used (Vault will key by it).
/// </summary>
public sealed class ConfigurationCredentialSource(IConfiguration configuration) : ICredentialSource
{
    public Task<CloudCredentials?> GetAsync(string accountRef, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var section = configuration.GetSection(AlibabaOptions.SectionName);
        var id = section["AccessKeyId"];
        var secret = section["AccessKeySecret"];
        var token = section["SecurityToken"];
        CloudCredentials? credentials = string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret)
            ? null
            : new CloudCredentials(id, secret, string.IsNullOrWhiteSpace(token) ? null : token);
        return Task.FromResult(credentials);
    }
}
