using ContestPlatform.Web.Entries;

namespace ContestPlatform.Web.Pages.Entrant.Entries;

/// <summary>What the read-only view of an entry needs besides the entry: the category's name.</summary>
public sealed record EntryDetailsView(Entry Entry, string? CategoryName);
