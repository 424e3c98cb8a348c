using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// What callers may do with an organisation's secrets: every write is validated against its type's schema and, when
/// asked and possible, checked against the cloud before the store sees it; a change drops the signer's cached copy.
/// Authorisation is the caller's business (the API checks the organisation and role before it gets here).
/// </summary>
public sealed class SecretService(ISecretStore store, CredentialCache cache, ICredentialCheck? check = null)
{
    public async Task<SecretMetadata> CreateAsync(string organization, SecretDraft draft, string actor, bool verify, CancellationToken ct)
    {
        SecretSchema.Validate(draft);
        await VerifyAsync(draft, verify, ct).ConfigureAwait(false);
        return await store.CreateAsync(organization, draft, actor, ct).ConfigureAwait(false);
    }

    public async Task<SecretMetadata> UpdateAsync(
        string organization, string id, SecretDraft draft, long expectedVersion, string actor, bool verify, CancellationToken ct)
    {
        SecretSchema.Validate(draft);
        SecretSchema.RequireSameName(id, draft);
        if (expectedVersion < 1)
        {
            throw new ValidationException("version", "the version you last read, 1 or more.");
        }

        await VerifyAsync(draft, verify, ct).ConfigureAwait(false);
        try
        {
            return await store.UpdateAsync(organization, id, draft, expectedVersion, actor, ct).ConfigureAwait(false);
        }
        finally
        {
            // Also on failure: a write that timed out may still have landed.
            cache.Forget(organization, id);
        }
    }

    public async Task DeleteAsync(string organization, string id, CancellationToken ct)
    {
        try
        {
            if (!await store.DeleteAsync(organization, id, ct).ConfigureAwait(false))
            {
                throw new NotFoundException("secret", id);
            }
        }
        finally
        {
            cache.Forget(organization, id);
        }
    }

    public async Task<SecretMetadata> GetAsync(string organization, string id, CancellationToken ct) =>
        await store.GetAsync(organization, id, ct).ConfigureAwait(false) ?? throw new NotFoundException("secret", id);

    public Task<IReadOnlyList<SecretMetadata>> ListAsync(string organization, CancellationToken ct) => store.ListAsync(organization, ct);

    private async Task VerifyAsync(SecretDraft draft, bool verify, CancellationToken ct)
    {
        if (!verify || check is null || draft.Type != SecretType.Alibaba)
        {
            return;
        }

        var credentials = new CloudCredentials(draft.Values[SecretSchema.AlibabaAccessKeyId]!, draft.Values[SecretSchema.AlibabaAccessKeySecret]!);
        try
        {
            await check.CheckAsync(credentials, draft.Values[SecretSchema.AlibabaRegionId], ct).ConfigureAwait(false);
        }
        catch (CloudApiException refused) when (!refused.IsTransient)
        {
            throw new SecretRejectedException(refused);
        }
    }
}
