using Recommender.Core.Errors;

namespace Recommender.Core.Tests;

public sealed class ValidationExceptionTests
{
    [Fact]
    public void Within_names_the_field_inside_the_outer_argument_and_keeps_the_reason()
    {
        var inner = new ValidationException("largestPod.cpu", "must be a non-negative number.");

        var outer = inner.Within("input");

        Assert.Equal("input.largestPod.cpu", outer.Argument);
        Assert.Equal("must be a non-negative number.", outer.Reason);
        Assert.Equal("input.largestPod.cpu: must be a non-negative number.", outer.Message);
        Assert.Equal("input.largestPod.cpu", outer.Details["argument"]);
        Assert.Equal(ErrorCodes.BadUserInput, outer.Code);
    }
}
