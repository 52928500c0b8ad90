using ContestPlatform.Web.Accounts;
using ContestPlatform.Web.Audit;
using ContestPlatform.Web.Awards;
using ContestPlatform.Web.Awards.Ceremony;
using ContestPlatform.Web.Cli;
using ContestPlatform.Web.Council;
using ContestPlatform.Web.Data;
using ContestPlatform.Web.Entries;
using ContestPlatform.Web.Infrastructure;
using ContestPlatform.Web.Mail;
using ContestPlatform.Web.Media.Processing;
using ContestPlatform.Web.Media.Serving;
using ContestPlatform.Web.Media.Uploads;
using ContestPlatform.Web.Sponsorship;
using ContestPlatform.Web.Storage;
using ContestPlatform.Web.Votes;

// The same program serves the site and runs operator commands (`users add`, `db backup`, …).
var isCommand = ContestCli.IsCommand(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = isCommand ? [] : args });
if (isCommand)
    builder.Logging.SetMinimumLevel(LogLevel.Warning);

var dataDirectory = builder.Configuration.DataDirectory(builder.Environment);
builder.AddContestData();
builder.AddAccounts();
builder.AddMail(dataDirectory);
builder.AddSiteServices();
builder.AddBlobStorage(dataDirectory);
builder.AddAudit();
builder.AddEntries();
builder.AddUploads();
builder.AddMediaProcessing();
builder.AddVotes();
builder.AddCouncil();
builder.AddAwards();
builder.AddCeremony();
builder.AddSponsorship();
builder.AddContestPages();

var app = builder.Build();
await app.PrepareDataAsync();

if (isCommand)
    return await ContestCli.RunAsync(args, app.Services);

app.UseContestPipeline();
app.MapContestEndpoints();
app.MapUploads();
app.MapMediaFiles();
app.MapCeremony();
app.MapSponsorship();
await app.RunAsync();
return 0;

public partial class Program;
