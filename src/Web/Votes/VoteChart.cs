using System.Globalization;
using ContestPlatform.Web.Infrastructure;

namespace ContestPlatform.Web.Votes;

/// <summary>
/// Cumulative valid votes per day (Vietnam time) for a few entries, laid out for a server-rendered SVG line
/// chart: the page draws it with no script, and the same numbers go into a table for screen readers.
/// </summary>
public sealed class VoteChart
{
    public const int Width = 720;
    public const int Height = 300;
    private const double Left = 56, Right = 20, Top = 16, Bottom = 44;

    public sealed record Line(int Number, int EntryId, string Code, string Title, IReadOnlyList<long> Cumulative, string Points,
        IReadOnlyList<(double X, double Y)> Dots);

    public sealed record Tick(double Position, string Label);

    public IReadOnlyList<DateOnly> Days { get; }
    public IReadOnlyList<Line> Lines { get; }
    public IReadOnlyList<Tick> YTicks { get; }
    public IReadOnlyList<Tick> XTicks { get; }
    public double PlotLeft => Left;
    public double PlotRight => Width - Right;
    public double PlotTop => Top;
    public double PlotBottom => Height - Bottom;

    private VoteChart(IReadOnlyList<DateOnly> days, IReadOnlyList<Line> lines, IReadOnlyList<Tick> yTicks, IReadOnlyList<Tick> xTicks)
    {
        Days = days;
        Lines = lines;
        YTicks = yTicks;
        XTicks = xTicks;
    }

    /// <summary>
    /// Builds the chart for <paramref name="entries"/> (in legend order) from their valid votes, one point per
    /// Vietnam day from <paramref name="firstDay"/> to <paramref name="lastDay"/>. Null when there is nothing to draw.
    /// </summary>
    public static VoteChart? Build(IReadOnlyList<VoteTally> entries, IEnumerable<(int EntryId, DateTime CastAt)> votes, DateOnly firstDay, DateOnly lastDay)
    {
        var perDay = votes
            .GroupBy(v => (v.EntryId, Day: DateOnly.FromDateTime(VietnameseFormat.ToVietnam(v.CastAt))))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        if (entries.Count == 0 || perDay.Count == 0)
            return null;
        // Votes outside the given range (a window moved after voting began) still show.
        firstDay = new[] { firstDay, perDay.Keys.Min(k => k.Day) }.Min();
        lastDay = new[] { lastDay, perDay.Keys.Max(k => k.Day), firstDay }.Max();
        var days = Enumerable.Range(0, lastDay.DayNumber - firstDay.DayNumber + 1).Select(firstDay.AddDays).ToList();

        var cumulative = entries.Select(e =>
        {
            long total = 0;
            return days.Select(d => total += perDay.GetValueOrDefault((e.EntryId, d))).ToList();
        }).ToList();
        var yStep = NiceStep(cumulative.Max(c => c[^1]));
        var top = 4 * yStep;

        double X(int day) => days.Count == 1 ? (Left + Width - Right) / 2 : Left + day * (Width - Left - Right) / (days.Count - 1);
        double Y(long value) => Height - Bottom - value * (Height - Top - Bottom) / (double)top;

        var lines = entries.Select((e, i) =>
        {
            var dots = cumulative[i].Select((value, day) => (X(day), Y(value))).ToList();
            return new Line(i + 1, e.EntryId, e.Code, e.Title, cumulative[i],
                string.Join(' ', dots.Select(d => $"{Number(d.Item1)},{Number(d.Item2)}")), dots);
        }).ToList();

        var yTicks = Enumerable.Range(0, 5).Select(i => new Tick(Y(i * yStep), (i * yStep).ToString("N0", VietnameseFormat.Culture))).ToList();
        var every = Math.Max(1, (int)Math.Ceiling(days.Count / 8.0));
        var xTicks = days.Select((d, i) => (d, i)).Where(p => p.i % every == 0 || p.i == days.Count - 1)
            .Select(p => new Tick(X(p.i), p.d.ToString("dd/MM", CultureInfo.InvariantCulture))).ToList();
        return new VoteChart(days, lines, yTicks, xTicks);
    }

    /// <summary>SVG coordinates: invariant culture (a comma would split the point list), one decimal.</summary>
    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A round step (1, 2, 2.5 or 5 × 10ⁿ, whole) so that four steps reach <paramref name="highest"/>.</summary>
    private static long NiceStep(long highest)
    {
        var raw = Math.Max(1, highest / 4.0);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            var step = factor * magnitude;
            if (step >= raw && step == Math.Floor(step))
                return (long)step;
        }
        return (long)Math.Ceiling(raw);
    }
}
