namespace Recommender.Provisioning.Operations;

/// <summary>Cuts a page from the rows a store read: one more than the limit, so it knows whether another page follows.</summary>
internal static class OperationPages
{
    public static OperationPage Of(List<ProvisioningOperation> rows, int limit)
    {
        if (rows.Count <= limit)
        {
            return new OperationPage(rows, null);
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return new OperationPage(rows, OperationCursor.After(rows[^1]).ToString());
    }
}
