namespace Recommender.Api.Identity;

/// <summary>A development token as issued to the console, with what it says.</summary>
public sealed record DevelopmentToken(string Token, DateTimeOffset ExpiresAt, string Subject, string Organization, OrganizationRole Role);
