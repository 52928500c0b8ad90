namespace ContestPlatform.Web.Council;

public static class CouncilSetup
{
    /// <summary>The council's services: rounds, judges, assignment, the judge's workspace and scoring.</summary>
    public static IHostApplicationBuilder AddCouncil(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CouncilData>();
        builder.Services.AddScoped<RoundService>();
        builder.Services.AddScoped<JudgeDirectory>();
        builder.Services.AddScoped<AssignmentService>();
        builder.Services.AddScoped<JudgeWorkspace>();
        builder.Services.AddSingleton<Media.Serving.JudgeMediaTokens>();
        builder.Services.AddScoped<ScoringService>();
        return builder;
    }
}
