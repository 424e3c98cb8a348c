using Microsoft.Extensions.Configuration;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba;

/// <summary>
/// The service's own account from configuration keys <c>Alibaba:AccessKeyId</c> / <c>Alibaba:AccessKeySecret</c> (and
/// optional <c>Alibaba:SecurityToken</c>), read on every call so a reloaded configuration takes effect; null when absent.
/// Configuration holds one account, so the account name is not used; organisations' secrets are never here (null).
/// </summary>
public sealed class ConfigurationCredentialSource(IConfiguration configuration) : ICredentialSource
{
    public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ct.ThrowIfCancellationRequested();
        if (reference.Organization is not null)
        {
            return Task.FromResult<CloudCredentials?>(null);
        }

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
