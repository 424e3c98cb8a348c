using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>A cluster an organisation's CreateCluster operation made (or adopted), with that operation and its input.</summary>
public sealed record OwnedCluster(string ClusterId, ProvisioningOperation CreatedBy, CreateClusterInput Input);
