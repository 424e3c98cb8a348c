using Recommender.Core.Errors;
using Recommender.Secrets;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>
/// The behaviour every <see cref="ISecretStore"/> must have. A concrete suite derives from this class and says how to
/// make a store; each test uses organisations of its own, so a store may be shared between tests.
/// </summary>
public abstract class SecretStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>The store under test.</summary>
    protected abstract ISecretStore CreateStore();

    protected string OrgA { get; } = TestSecrets.NewOrganization("a");

    protected string OrgB { get; } = TestSecrets.NewOrganization("b");

    [Fact]
    public async Task Created_secret_reads_back_as_metadata_at_version_1()
    {
        var store = CreateStore();
        var draft = TestSecrets.Alibaba("prod account", tags: ["team:infra", "env:prod"]);

        var created = await store.CreateAsync(OrgA, draft, "alice", None);
        var read = await store.GetAsync(OrgA, draft.Id, None);

        Assert.Equal(SecretIds.FromName("prod account"), created.Id);
        Assert.Equal(1, created.Version);
        Assert.Equal("alice", created.UpdatedBy);
        Assert.Equal(OrgA, created.Organization);
        Assert.Equal(created.CreatedAt, created.UpdatedAt);
        Assert.NotNull(read);
        SecretAssert.Same(created, read);
    }

    [Fact]
    public async Task Values_read_back_only_through_ReadValues()
    {
        var store = CreateStore();
        var draft = TestSecrets.Alibaba("values", seed: "7");
        await store.CreateAsync(OrgA, draft, "alice", None);

        var values = await store.ReadValuesAsync(OrgA, draft.Id, None);

        Assert.NotNull(values);
        Assert.Equal(draft.Values.Reveal().OrderBy(p => p.Key), values.Reveal().OrderBy(p => p.Key));
        Assert.DoesNotContain(TestSecrets.Canary, values.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_name_conflicts_and_changes_nothing()
    {
        var store = CreateStore();
        var first = TestSecrets.Alibaba("shared", seed: "1");
        await store.CreateAsync(OrgA, first, "alice", None);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => store.CreateAsync(OrgA, TestSecrets.Alibaba("shared", seed: "2"), "bob", None));

        Assert.Equal(ErrorCodes.Conflict, conflict.Code);
        Assert.Equal(first.Id, conflict.Id);
        Assert.Equal(1, conflict.CurrentVersion);
        Assert.Equal(TestSecrets.KeySecret("1"), (await store.ReadValuesAsync(OrgA, first.Id, None))![SecretSchema.AlibabaAccessKeySecret]);
        Assert.Equal("alice", (await store.GetAsync(OrgA, first.Id, None))!.UpdatedBy);
    }

    [Fact]
    public async Task Update_replaces_everything_and_increments_the_version()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("rotating", seed: "1", tags: ["old"]), "alice", None);

        var second = await store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("rotating", seed: "2", tags: ["new"], region: null), 1, "bob", None);
        var third = await store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("rotating", seed: "3", tags: ["new"], region: null), 2, "carol", None);

        Assert.Equal(2, second.Version);
        Assert.Equal(3, third.Version);
        Assert.Equal(created.CreatedAt, third.CreatedAt);
        Assert.True(third.UpdatedAt >= second.UpdatedAt && second.UpdatedAt >= created.CreatedAt);
        Assert.Equal(["new"], third.Tags);
        Assert.Equal("carol", third.UpdatedBy);
        SecretAssert.Same(third, (await store.GetAsync(OrgA, created.Id, None))!);
        var values = (await store.ReadValuesAsync(OrgA, created.Id, None))!;
        Assert.Equal(TestSecrets.KeySecret("3"), values[SecretSchema.AlibabaAccessKeySecret]);
        Assert.Null(values[SecretSchema.AlibabaRegionId]);
    }

    [Fact]
    public async Task Update_at_a_stale_version_conflicts_with_the_current_version()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("cas", seed: "1"), "alice", None);
        await store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("cas", seed: "2"), 1, "bob", None);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("cas", seed: "3"), 1, "carol", None));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(TestSecrets.KeySecret("2"), (await store.ReadValuesAsync(OrgA, created.Id, None))![SecretSchema.AlibabaAccessKeySecret]);
        Assert.Equal(2, (await store.GetAsync(OrgA, created.Id, None))!.Version);
    }

    [Fact]
    public async Task Racing_updates_at_the_same_version_let_exactly_one_win()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("race"), "alice", None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("race", seed: $"r{i}"), 1, $"writer{i}", None);
                return true;
            }
            catch (ConflictException e)
            {
                Assert.Equal(2, e.CurrentVersion);
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, (await store.GetAsync(OrgA, created.Id, None))!.Version);
    }

    [Fact]
    public async Task Updating_a_missing_secret_is_not_found()
    {
        var store = CreateStore();
        var draft = TestSecrets.Alibaba("never created");

        await Assert.ThrowsAsync<NotFoundException>(() => store.UpdateAsync(OrgA, draft.Id, draft, 1, "alice", None));
        Assert.Null(await store.GetAsync(OrgA, draft.Id, None));
    }

    [Fact]
    public async Task A_name_cannot_change_on_update()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("fixed name"), "alice", None);

        await Assert.ThrowsAsync<ValidationException>(
            () => store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("another name"), 1, "alice", None));
        Assert.Equal("fixed name", (await store.GetAsync(OrgA, created.Id, None))!.Name);
    }

    [Fact]
    public async Task Lists_the_organisations_secrets_by_name()
    {
        var store = CreateStore();
        Assert.Empty(await store.ListAsync(OrgA, None));
        foreach (var name in new[] { "zeta", "Alpha", "beta" })
        {
            await store.CreateAsync(OrgA, TestSecrets.Alibaba(name), "alice", None);
        }

        var listed = await store.ListAsync(OrgA, None);

        Assert.Equal(["Alpha", "beta", "zeta"], listed.Select(s => s.Name));
        Assert.All(listed, s => Assert.Equal(OrgA, s.Organization));
        Assert.All(listed, s => Assert.Equal(SecretIds.FromName(s.Name), s.Id));
    }

    [Fact]
    public async Task Delete_removes_every_version_and_a_new_secret_starts_at_1()
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("short lived"), "alice", None);
        await store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("short lived", seed: "2"), 1, "alice", None);

        Assert.True(await store.DeleteAsync(OrgA, created.Id, None));

        Assert.Null(await store.GetAsync(OrgA, created.Id, None));
        Assert.Null(await store.ReadValuesAsync(OrgA, created.Id, None));
        Assert.Empty(await store.ListAsync(OrgA, None));
        Assert.False(await store.DeleteAsync(OrgA, created.Id, None));
        await Assert.ThrowsAsync<NotFoundException>(
            () => store.UpdateAsync(OrgA, created.Id, TestSecrets.Alibaba("short lived", seed: "3"), 2, "alice", None));
        Assert.Equal(1, (await store.CreateAsync(OrgA, TestSecrets.Alibaba("short lived", seed: "4"), "bob", None)).Version);
    }

    [Fact]
    public async Task Missing_secrets_read_as_null()
    {
        var store = CreateStore();
        var id = SecretIds.FromName("nothing here");

        Assert.Null(await store.GetAsync(OrgA, id, None));
        Assert.Null(await store.ReadValuesAsync(OrgA, id, None));
        Assert.False(await store.DeleteAsync(OrgA, id, None));
    }

    [Fact]
    public async Task Another_organisation_cannot_see_or_touch_a_secret()
    {
        var store = CreateStore();
        var draft = TestSecrets.Alibaba("isolated", seed: "a");
        var created = await store.CreateAsync(OrgA, draft, "alice", None);

        Assert.Null(await store.GetAsync(OrgB, created.Id, None));
        Assert.Null(await store.ReadValuesAsync(OrgB, created.Id, None));
        Assert.Empty(await store.ListAsync(OrgB, None));
        await Assert.ThrowsAsync<NotFoundException>(() => store.UpdateAsync(OrgB, created.Id, TestSecrets.Alibaba("isolated", seed: "b"), 1, "mallory", None));
        Assert.False(await store.DeleteAsync(OrgB, created.Id, None));

        // The same name in B is B's own secret, at its own version 1.
        var other = await store.CreateAsync(OrgB, TestSecrets.Alibaba("isolated", seed: "b"), "bob", None);
        Assert.Equal(created.Id, other.Id);
        Assert.Equal(1, other.Version);
        SecretAssert.Same(created, (await store.GetAsync(OrgA, created.Id, None))!);
        Assert.Equal(TestSecrets.KeySecret("a"), (await store.ReadValuesAsync(OrgA, created.Id, None))![SecretSchema.AlibabaAccessKeySecret]);
        Assert.Single(await store.ListAsync(OrgA, None));
    }

    [Theory]
    [InlineData("生产账号 – ключ 🔑 café")]
    [InlineData("name with / slash and ../ dots")]
    [InlineData("%2F?#&=+ \\")]
    public async Task Any_unicode_name_round_trips(string name)
    {
        var store = CreateStore();

        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba(name), "alice", None);

        Assert.Equal(SecretIds.FromName(name), created.Id);
        Assert.Equal(name, (await store.GetAsync(OrgA, created.Id, None))!.Name);
        Assert.Equal(name, Assert.Single(await store.ListAsync(OrgA, None)).Name);
        Assert.NotNull(await store.ReadValuesAsync(OrgA, created.Id, None));
    }

    [Fact]
    public async Task The_longest_name_and_most_tags_round_trip()
    {
        var store = CreateStore();
        var name = string.Concat(Enumerable.Repeat("名", SecretSchema.MaxNameLength));
        var tags = Enumerable.Range(0, SecretSchema.MaxTags).Select(i => $"{i:00}" + new string('τ', SecretSchema.MaxTagLength - 2)).ToList();

        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba(name, tags: tags), "alice@example.com", None);
        var read = (await store.GetAsync(OrgA, created.Id, None))!;

        Assert.Equal(name, read.Name);
        Assert.Equal(tags, read.Tags);
        Assert.Equal("alice@example.com", read.UpdatedBy);
    }

    [Fact]
    public async Task Tags_are_stored_distinct_and_sorted()
    {
        var store = CreateStore();

        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("tagged", tags: ["b", "a", "b", "C"]), "alice", None);

        Assert.Equal(["C", "a", "b"], created.Tags);
        Assert.Equal(["C", "a", "b"], (await store.GetAsync(OrgA, created.Id, None))!.Tags);
        Assert.Equal(["C", "a", "b"], Assert.Single(await store.ListAsync(OrgA, None)).Tags);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("a%2Fb")]
    [InlineData("a b")]
    [InlineData("a\\b")]
    public async Task A_path_like_organisation_is_rejected(string organization)
    {
        var store = CreateStore();
        var draft = TestSecrets.Alibaba("escape");

        await Assert.ThrowsAsync<ValidationException>(() => store.CreateAsync(organization, draft, "mallory", None));
        await Assert.ThrowsAsync<ValidationException>(() => store.UpdateAsync(organization, draft.Id, draft, 1, "mallory", None));
        await Assert.ThrowsAsync<ValidationException>(() => store.GetAsync(organization, draft.Id, None));
        await Assert.ThrowsAsync<ValidationException>(() => store.ListAsync(organization, None));
        await Assert.ThrowsAsync<ValidationException>(() => store.DeleteAsync(organization, draft.Id, None));
        await Assert.ThrowsAsync<ValidationException>(() => store.ReadValuesAsync(organization, draft.Id, None));
    }

    [Theory]
    [InlineData("../../other/0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000/..")]
    [InlineData("ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("short")]
    [InlineData("")]
    public async Task A_malformed_secret_id_is_rejected(string id)
    {
        var store = CreateStore();
        var created = await store.CreateAsync(OrgA, TestSecrets.Alibaba("target"), "alice", None);

        await Assert.ThrowsAsync<ValidationException>(() => store.GetAsync(OrgA, id, None));
        await Assert.ThrowsAsync<ValidationException>(() => store.DeleteAsync(OrgA, id, None));
        await Assert.ThrowsAsync<ValidationException>(() => store.ReadValuesAsync(OrgA, id, None));
        Assert.NotNull(await store.GetAsync(OrgA, created.Id, None));
    }
}
