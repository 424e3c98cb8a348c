namespace Recommender.Expander.Pricing;

/// <summary>Why the answer holds the options it holds.</summary>
public enum DecisionBasis
{
    /// <summary>The request offered nothing: the answer is empty.</summary>
    NoOptions,

    /// <summary>The lowest score among options that are priced, fit their pods and have stock (ties kept).</summary>
    Cheapest,

    /// <summary>
    /// No option was priced, fitting and in stock: the lowest score among the priced ones (ties kept).
    /// </summary>
    CheapestOfPriced,

    /// <summary>No option could be priced: every offered option, so CA's next expander decides.</summary>
    AllOffered,
}
