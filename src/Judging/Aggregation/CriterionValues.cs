using System.Diagnostics.CodeAnalysis;

namespace ContestPlatform.Judging.Aggregation;

/// <summary>
/// A read-only code → value map over two arrays. One is built per entry and method, so it must be cheap:
/// the code array is shared by all entries, and a rubric has at most 20 codes, so a linear scan beats hashing.
/// </summary>
internal sealed class CriterionValues(string[] codes, decimal[] values) : IReadOnlyDictionary<string, decimal>
{
    public decimal this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No criterion {key}.");

    public IEnumerable<string> Keys => codes;
    public IEnumerable<decimal> Values => values;
    public int Count => codes.Length;

    public bool ContainsKey(string key) => Array.IndexOf(codes, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out decimal value)
    {
        var index = Array.IndexOf(codes, key);
        value = index >= 0 ? values[index] : default;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator()
    {
        for (var i = 0; i < codes.Length; i++)
            yield return new KeyValuePair<string, decimal>(codes[i], values[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
