namespace ContestPlatform.Judging;

/// <summary>
/// A rule of the contest was broken. The message is Vietnamese and written for the person who can fix it:
/// pages show it as it is.
/// </summary>
public sealed class JudgingException(string message) : Exception(message);
