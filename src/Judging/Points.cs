using System.Globalization;

namespace ContestPlatform.Judging;

/// <summary>Rounding and display of points, shared so every number a person sees is rounded the same way.</summary>
public static class Points
{
    /// <summary>Council scores and aggregates are kept to 2 decimals, half away from zero (10,125 → 10,13).</summary>
    public static decimal RoundScore(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>Vietnamese notation without trailing zeros: 0.5 → "0,5", 30 → "30".</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############", CultureInfo.InvariantCulture).Replace('.', ',');
}
