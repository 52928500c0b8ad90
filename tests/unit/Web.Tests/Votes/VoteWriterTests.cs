using ContestPlatform.Web.Votes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ContestPlatform.Web.Tests.Votes;

/// <summary>Only a unique-index refusal means "already voted"; other constraint errors are faults to report.</summary>
public sealed class VoteWriterTests
{
    /// <summary>The SqliteException a statement raises, wrapped as EF Core wraps it on SaveChanges.</summary>
    private static DbUpdateException Failure(string statement)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA foreign_keys = ON;
                CREATE TABLE Entries (Id INTEGER PRIMARY KEY);
                CREATE TABLE Votes (Id INTEGER PRIMARY KEY, EntryId INTEGER NOT NULL REFERENCES Entries(Id), UserId TEXT NOT NULL,
                                    Weight INTEGER NOT NULL DEFAULT 1 CHECK (Weight = 1));
                CREATE UNIQUE INDEX IX_Votes_UserId_EntryId ON Votes (UserId, EntryId);
                INSERT INTO Entries (Id) VALUES (1);
                INSERT INTO Votes (Id, EntryId, UserId) VALUES (1, 1, 'a');
                """;
            create.ExecuteNonQuery();
        }
        using var command = connection.CreateCommand();
        command.CommandText = statement;
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
        Assert.Equal(19, error.SqliteErrorCode);
        return new DbUpdateException("save failed", error);
    }

    [Fact]
    public void A_second_vote_of_the_same_account_for_the_same_entry_is_a_unique_violation() =>
        Assert.True(VoteWriter.IsUniqueViolation(Failure("INSERT INTO Votes (EntryId, UserId) VALUES (1, 'a')")));

    [Theory]
    [InlineData("INSERT INTO Votes (EntryId, UserId) VALUES (1, NULL)")]
    [InlineData("INSERT INTO Votes (EntryId, UserId) VALUES (99, 'b')")]
    [InlineData("INSERT INTO Votes (EntryId, UserId, Weight) VALUES (1, 'b', 2)")]
    [InlineData("INSERT INTO Votes (Id, EntryId, UserId) VALUES (1, 1, 'b')")]
    public void Other_constraint_errors_are_not_taken_for_an_earlier_vote(string statement) =>
        Assert.False(VoteWriter.IsUniqueViolation(Failure(statement)));
}
