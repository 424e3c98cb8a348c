using GraphQL.Types;
using Recommender.Secrets;

namespace Recommender.Api.GraphQL.Secrets;

public sealed class SecretTypeGraphType : EnumerationGraphType<SecretType>
{
    public SecretTypeGraphType()
    {
        Name = "SecretType";
        Description = "What a secret holds, which decides its fields.";
        Values[nameof(SecretType.Alibaba).ToUpperInvariant()]!.Description =
            $"An Alibaba Cloud AccessKey pair: {SecretSchema.AlibabaAccessKeyId} and {SecretSchema.AlibabaAccessKeySecret}, optionally {SecretSchema.AlibabaRegionId}.";
    }
}
