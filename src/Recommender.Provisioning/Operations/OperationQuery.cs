namespace Recommender.Provisioning.Operations;

/// <summary>
/// Which of an organisation's operations <see cref="IOperationStore.ListAsync"/> returns, newest first: those in
/// <see cref="State"/> and of <see cref="Kind"/> when given, at most <see cref="Limit"/>, after <see cref="Cursor"/>
/// (the <see cref="OperationPage.NextCursor"/> of the page before).
/// </summary>
public sealed record OperationQuery(OperationState? State = null, OperationKind? Kind = null, int Limit = OperationQuery.DefaultLimit, string? Cursor = null)
{
    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;
}
