using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ContestPlatform.Web.Tests.Awards.Ceremony;

/// <summary>One Server-Sent Event as a browser's EventSource would hand it over.</summary>
internal sealed record ServerEvent(string? Id, string Name, string Data)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    /// <summary>Entry codes of the revealed awards, in order.</summary>
    public List<string> Codes => [.. Json.GetProperty("revealed").EnumerateArray().Select(a => a.GetProperty("code").GetString()!)];
}

/// <summary>
/// Reads an event stream line by line as EventSource does, keeping everything that came over the wire, comments
/// included, so a test can check what was never sent.
/// </summary>
internal sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly StringBuilder _raw = new();

    private EventStreamReader(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;
    public string Raw => _raw.ToString();
    public string? Retry { get; private set; }

    public static async Task<EventStreamReader> OpenAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new EventStreamReader(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next event (comments and retry lines are recorded, not returned); fails after <paramref name="timeout"/>.</summary>
    public async Task<ServerEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? id = null, name = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The event stream ended.");
            _raw.Append(line).Append('\n');
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return new ServerEvent(id, name ?? "message", data.ToString().TrimEnd('\n'));
                continue;
            }
            if (line.StartsWith(':'))
                continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(value).Append('\n'); break;
                case "retry": Retry = value; break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
