namespace Recommender.Emulators.Alibaba;

/// <summary>One request as the emulator answered it.</summary>
/// <param name="At">Arrival time on the real clock (measurements), independent of the emulator's signing clock.</param>
/// <param name="Scheme"><c>V3</c>, <c>V3-SM3</c>, <c>RPC</c>, <c>ROA</c> or <c>none</c>.</param>
/// <param name="ErrorCode">The error code answered, null on success.</param>
public sealed record EmulatorRequest(DateTimeOffset At, string Action, string Region, string Scheme, string? Nonce, int Status, string? ErrorCode);
