using Recommender.Core.Catalog;

namespace Recommender.Testing.Builders;

/// <summary>A functional option for <see cref="InstanceTypes.New"/> (Karpenter's fake.NewInstanceType style).</summary>
public delegate InstanceOffering InstanceTypeOption(InstanceOffering offering);
