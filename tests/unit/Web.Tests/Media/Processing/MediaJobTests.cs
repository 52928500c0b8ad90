using ContestPlatform.Web.Media;
using ContestPlatform.Web.Media.Processing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContestPlatform.Web.Tests.Media.Processing;

/// <summary>The job table as a durable queue: leases, crashes, concurrency, retries, back-off and reuse.</summary>
public class MediaJobTests
{
    [Fact]
    public async Task A_job_whose_worker_died_is_taken_again_when_its_lease_expires_and_finished_exactly_once()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(400, 300), "image/jpeg", MediaKind.Photo);
        // A worker claimed it and died: Processing, leased for five minutes from now.
        await site.UpdateJobAsync(id, job =>
        {
            job.State = MediaState.Processing;
            job.Attempts = 1;
            job.LeasedBy = "dead-host/1234/worker1";
            job.LeaseUntil = site.Time.GetUtcNow().UtcDateTime.AddMinutes(5);
        });

        Assert.False(await site.Processor.ProcessNextAsync());

        site.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        Assert.True(await site.Processor.ProcessNextAsync());
        Assert.False(await site.Processor.ProcessNextAsync());

        var job = await site.JobAsync(id);
        Assert.Equal((MediaState.Ready, 2, null, null), (job.State, job.Attempts, job.LeasedBy, job.LeaseUntil));
        Assert.Equal(MediaState.Ready, (await site.FileAsync(id)).State);
        Assert.Equal(4, site.Store.Writes.Count(k => k.StartsWith(DerivedKeys.Root, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_job_interrupted_more_often_than_the_attempt_limit_fails_instead_of_running_again()
    {
        using var site = new MediaTestSite(settings: ("Media:MaxAttempts", "3"));
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(400, 300), "image/jpeg", MediaKind.Photo);
        await site.UpdateJobAsync(id, job =>
        {
            job.State = MediaState.Processing;
            job.Attempts = 3;
            job.LeasedBy = "dead-host/1234/worker1";
            job.LeaseUntil = site.Time.GetUtcNow().UtcDateTime.AddSeconds(-1);
        });

        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal((MediaState.Failed, MediaMessages.Interrupted), (file.State, file.Error));
        Assert.Empty(site.Store.Writes);
    }

    [Fact]
    public async Task Two_concurrent_calls_never_take_the_same_job()
    {
        using var site = new MediaTestSite();
        var single = await site.AddMediaAsync(MediaSamples.Jpeg(300, 200), "image/jpeg", MediaKind.Photo);

        var both = await Task.WhenAll(site.Processor.ProcessNextAsync(), site.Processor.ProcessNextAsync());

        Assert.Equal(1, both.Count(worked => worked));
        Assert.Equal(1, (await site.JobAsync(single)).Attempts);
    }

    [Fact]
    public async Task Four_workers_draining_six_jobs_process_each_exactly_once()
    {
        using var site = new MediaTestSite();
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
            ids.Add(await site.AddMediaAsync(MediaSamples.Jpeg(300 + i, 200), "image/jpeg", MediaKind.Photo));

        var processed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            while (await site.Processor.ProcessNextAsync())
                count++;
            return count;
        })));

        Assert.Equal(6, processed.Sum());
        var jobs = await site.QueryAsync(db => db.MediaJobs.AsNoTracking().ToListAsync());
        Assert.All(jobs, job => Assert.Equal((MediaState.Ready, 1), (job.State, job.Attempts)));
        Assert.Equal(6 * 4, site.Store.Writes.Count(k => k.StartsWith(DerivedKeys.Root, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failed_job_retried_after_its_cause_is_fixed_succeeds()
    {
        using var site = new MediaTestSite();
        var photo = MediaSamples.Jpeg(500, 400);
        var id = await site.AddMediaAsync(photo, "image/jpeg", MediaKind.Photo, storeOriginal: false);

        Assert.True(await site.Processor.ProcessNextAsync());
        var failed = await site.FileAsync(id);
        Assert.Equal((MediaState.Failed, MediaMessages.OriginalMissing), (failed.State, failed.Error));

        await site.Store.Inner.WriteAsync(failed.OriginalKey, new MemoryStream(photo), "image/jpeg");
        await using (var scope = site.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<MediaJobs>().RetryAsync(id));

        var queued = await site.JobAsync(id);
        Assert.Equal((MediaState.Pending, 0, ""), (queued.State, queued.Attempts, queued.Error));
        Assert.Equal((MediaState.Pending, ""), ((await site.FileAsync(id)).State, (await site.FileAsync(id)).Error));

        Assert.True(await site.Processor.ProcessNextAsync());
        var file = await site.FileAsync(id);
        Assert.Equal((MediaState.Ready, "", 500), (file.State, file.Error, file.Width));
    }

    [Fact]
    public async Task Retry_refuses_a_file_that_is_ready_or_unknown()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(300, 200), "image/jpeg", MediaKind.Photo);
        Assert.True(await site.Processor.ProcessNextAsync());

        await using var scope = site.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<MediaJobs>();
        Assert.False(await jobs.RetryAsync(id));
        Assert.False(await jobs.RetryAsync(id + 1000));
        Assert.Equal(MediaState.Ready, (await site.JobAsync(id)).State);
    }

    [Fact]
    public async Task Identical_content_in_two_files_is_processed_once_and_shared()
    {
        using var site = new MediaTestSite();
        var photo = MediaSamples.Jpeg(900, 600);
        var first = await site.AddMediaAsync(photo, "image/jpeg", MediaKind.Photo);
        var second = await site.AddMediaAsync(photo, "image/jpeg", MediaKind.Evidence);

        Assert.True(await site.Processor.ProcessNextAsync());
        Assert.True(await site.Processor.ProcessNextAsync());

        var (a, b) = (await site.FileAsync(first), await site.FileAsync(second));
        Assert.Equal(MediaState.Ready, b.State);
        Assert.Equal(4, site.Store.Writes.Count(k => k.StartsWith(DerivedKeys.Root, StringComparison.Ordinal)));
        Assert.Equal(
            (a.DisplayKey, a.DisplayJpegKey, a.ThumbKey, a.ThumbJpegKey, a.Width, a.Height),
            (b.DisplayKey, b.DisplayJpegKey, b.ThumbKey, b.ThumbJpegKey, b.Width, b.Height));
    }

    [Fact]
    public async Task A_transient_storage_failure_backs_off_and_then_ends_ready()
    {
        using var site = new MediaTestSite();
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(600, 400), "image/jpeg", MediaKind.Photo);
        site.Store.FailDerivedWrites(1);

        Assert.True(await site.Processor.ProcessNextAsync());

        var waiting = await site.JobAsync(id);
        Assert.Equal((MediaState.Pending, 1, MediaMessages.StorageWaiting), (waiting.State, waiting.Attempts, waiting.Error));
        Assert.Equal(site.Time.GetUtcNow().UtcDateTime.AddSeconds(30), waiting.LeaseUntil);
        Assert.Equal((MediaState.Pending, MediaMessages.StorageWaiting), ((await site.FileAsync(id)).State, (await site.FileAsync(id)).Error));

        // Backing off: not taken again before the delay.
        Assert.False(await site.Processor.ProcessNextAsync());
        site.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal((MediaState.Ready, ""), (file.State, file.Error));
        Assert.Equal((MediaState.Ready, 2), ((await site.JobAsync(id)).State, (await site.JobAsync(id)).Attempts));
    }

    [Fact]
    public async Task Storage_failing_on_every_attempt_ends_failed_after_the_attempt_limit()
    {
        using var site = new MediaTestSite(settings: ("Media:MaxAttempts", "2"));
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(600, 400), "image/jpeg", MediaKind.Photo);
        site.Store.FailDerivedWrites(int.MaxValue);

        Assert.True(await site.Processor.ProcessNextAsync());
        site.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await site.Processor.ProcessNextAsync());

        var file = await site.FileAsync(id);
        Assert.Equal((MediaState.Failed, MediaMessages.StorageGaveUp), (file.State, file.Error));
        Assert.Equal((MediaState.Failed, 2), ((await site.JobAsync(id)).State, (await site.JobAsync(id)).Attempts));
    }

    [Fact]
    public async Task The_background_worker_processes_a_new_job_as_soon_as_it_is_signalled()
    {
        using var site = new MediaTestSite(worker: true, ("Media:PollInterval", "00:01:00"));
        var id = await site.AddMediaAsync(MediaSamples.Jpeg(400, 300), "image/jpeg", MediaKind.Photo);
        site.Services.GetRequiredService<MediaJobSignal>().Notify();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        MediaFile file;
        while ((file = await site.FileAsync(id)).State != MediaState.Ready && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        Assert.Equal(MediaState.Ready, file.State);
    }
}
