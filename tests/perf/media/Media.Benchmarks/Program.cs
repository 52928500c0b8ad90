using System.Diagnostics;
using System.Globalization;
using ContestPlatform.Web.Media.Processing;
using NetVips;

// The photo pipeline against ImageMagick and vipsthumbnail on the same 24-megapixel JPEGs.
//   generate DIR N   writes N 6000×4000 JPEGs (quality 90, half of them sideways with EXIF orientation 6 and GPS)
//   measure DIR      for each image, in turn: our PhotoProcessor (the worker's code path, without database or
//                    blob store), /usr/bin/convert and vipsthumbnail making the same four files; prints median
//                    wall-clock and CPU times, the ratios to ours, and peak memory (ours: this process's VmHWM).
// Run it through tests/perf/media/run.sh.
const string Ours = "ours (PhotoProcessor, in process)";
const string Convert = "ImageMagick convert";
const string ConvertHint = "ImageMagick convert -define jpeg:size";
const string VipsThumbnail = "vipsthumbnail (4 runs)";

return args switch
{
    ["generate", var dir, var n] => Generate(dir, int.Parse(n, CultureInfo.InvariantCulture)),
    ["measure", var dir] => Measure(dir),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Media.Benchmarks generate DIR N | measure DIR");
    return 2;
}

static int Generate(string dir, int count)
{
    Directory.CreateDirectory(dir);
    for (var i = 0; i < count; i++)
    {
        const int width = 6000, height = 4000;
        // Smooth colour gradients with fine grain: compresses like a photo, not like flat colour or pure noise.
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var red = x * (200.0 / width) + (20.0 + 3 * i);
        using var green = y * (180.0 / height) + 40.0;
        using var wave = (x * 0.004 + y * 0.003 + i).Math(Enums.OperationMath.Sin);
        using var blue = wave * 60.0 + 120.0;
        using var rgb = red.Bandjoin(green, blue);
        using var noise = Image.Gaussnoise(width, height, sigma: 18, mean: 0, seed: 17 + i);
        using var grain = noise.Gaussblur(0.8);
        using var sum = rgb + grain;
        using var pixels = sum.Cast(Enums.BandFormat.Uchar);
        using var photo = pixels.Copy(interpretation: Enums.Interpretation.Srgb);
        var sideways = i % 2 == 1;
        using var tagged = photo.Mutate(m =>
        {
            m.Set(GValue.GStrType, "exif-ifd0-Make", "Benchmark");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitudeRef", "N");
            m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "21/1 35/1 3912/100");
            if (sideways)
            {
                m.Set(GValue.GIntType, "orientation", 6);
                m.Set(GValue.GStrType, "exif-ifd0-Orientation", "6");
            }
        });
        var path = Path.Combine(dir, $"photo{i + 1:D2}.jpg");
        tagged.Jpegsave(path, q: 90, keep: Enums.ForeignKeep.All);
        Console.WriteLine($"{path}  {new FileInfo(path).Length / 1e6:0.0} MB{(sideways ? "  orientation 6" : "")}");
    }
    return 0;
}

static int Measure(string dir)
{
    var images = Directory.GetFiles(dir, "*.jpg").Order().ToArray();
    if (images.Length == 0)
        return Usage();
    var work = Directory.CreateTempSubdirectory("cp-media-bench-").FullName;
    var processor = new PhotoProcessor(new PhotoSettings());
    var settings = processor.Settings;
    var box = $"{settings.DisplaySize}x{settings.DisplaySize}";
    var thumbBox = $"{settings.ThumbSize}x{settings.ThumbSize}";
    var timeTool = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
    var loadBefore = LoadAverage();

    // Warm-up (JIT, libvips start-up, disk cache), not counted.
    processor.Process(images[0], Path.Combine(work, "warmup"));

    // Per image, the four contenders one after the other, so a busy spell on the machine hits them alike.
    // Wall-clock time is what a user waits; CPU time (user + system, all threads) is the work done, and
    // stays meaningful when other programs compete for the cores.
    var results = new Dictionary<string, List<(double Wall, double Cpu)>>
    {
        [Ours] = [], [Convert] = [], [ConvertHint] = [], [VipsThumbnail] = [],
    };
    var peakKb = new Dictionary<string, long> { [Convert] = 0, [ConvertHint] = 0, [VipsThumbnail] = 0 };
    var self = Process.GetCurrentProcess();
    foreach (var image in images)
    {
        var name = Path.GetFileNameWithoutExtension(image);
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        processor.Process(image, Path.Combine(work, "ours", name));
        var wall = watch.Elapsed.TotalMilliseconds;
        self.Refresh();
        results[Ours].Add((wall, (self.TotalProcessorTime - cpuBefore).TotalMilliseconds));

        // ImageMagick as usually written: decode, turn upright, strip, resize, four files.
        var im = Directory.CreateDirectory(Path.Combine(work, "convert", name)).FullName;
        Record(Convert, Run(timeTool, "/usr/bin/convert", ImageMagickArguments(image, im, box, thumbBox, settings, sizeHint: false)));
        // The same with the JPEG size hint, which lets libjpeg shrink while decoding (as libvips does).
        var imHint = Directory.CreateDirectory(Path.Combine(work, "convert-hint", name)).FullName;
        Record(ConvertHint, Run(timeTool, "/usr/bin/convert", ImageMagickArguments(image, imHint, box, thumbBox, settings, sizeHint: true)));

        // vipsthumbnail writes one file per run: four runs, each shrinking on load from the original.
        var vt = Directory.CreateDirectory(Path.Combine(work, "vipsthumbnail", name)).FullName;
        var runs = new[]
        {
            (box, $"display.webp[Q={settings.WebpQuality},effort={settings.WebpEffort},strip]"),
            (box, $"display.jpg[Q={settings.JpegQuality},optimize_coding,interlace,strip]"),
            (thumbBox, $"thumb.webp[Q={settings.WebpQuality},effort={settings.WebpEffort},strip]"),
            (thumbBox, $"thumb.jpg[Q={settings.JpegQuality},optimize_coding,interlace,strip]"),
        }.Select(r => Run(timeTool, "vipsthumbnail", [image, "--size", r.Item1, "--output", Path.Combine(vt, r.Item2)])).ToList();
        Record(VipsThumbnail, (runs.Sum(r => r.Wall), runs.Sum(r => r.Cpu), runs.Max(r => r.PeakKb)));
    }
    var ourPeakMb = PeakMemoryMb();

    void Record(string tool, (double Wall, double Cpu, long PeakKb) run)
    {
        results[tool].Add((run.Wall, run.Cpu));
        peakKb[tool] = Math.Max(peakKb[tool], run.PeakKb);
    }

    var ourWall = Median(results[Ours].Select(r => r.Wall));
    var ourCpu = Median(results[Ours].Select(r => r.Cpu));
    Console.WriteLine($"{images.Length} images of {ImageSize(images[0])}, {images.Sum(i => new FileInfo(i).Length) / 1e6 / images.Length:0.0} MB each on average; " +
        $"{Environment.ProcessorCount} cores; libvips {NetVips.NetVips.Version(0)}.{NetVips.NetVips.Version(1)}.{NetVips.NetVips.Version(2)} (NetVips)");
    Console.WriteLine("Work per image: upright, no metadata, ≤1600 px WebP + JPEG, ≤400 px WebP + JPEG.");
    Console.WriteLine($"Load average (1 min) before: {loadBefore}, after: {LoadAverage()} — wall-clock figures are only comparable on an idle machine.");
    Console.WriteLine();
    Console.WriteLine($"{"",-38}{"wall median",12}{"min",7}{"max",7}{"CPU median",12}{"peak MB",9}{"wall ×",8}{"CPU ×",7}");
    foreach (var (tool, runs) in results)
    {
        var wall = Median(runs.Select(r => r.Wall));
        var cpu = Median(runs.Select(r => r.Cpu));
        var peak = tool == Ours ? ourPeakMb : peakKb[tool] / 1024.0;
        Console.WriteLine($"{tool,-38}{wall,12:0}{runs.Min(r => r.Wall),7:0}{runs.Max(r => r.Wall),7:0}{cpu,12:0}" +
            $"{(peak > 0 ? peak.ToString("0", CultureInfo.InvariantCulture) : "-"),9}{wall / ourWall,8:0.00}{cpu / ourCpu,7:0.00}");
    }
    Console.WriteLine();
    var convertWall = Median(results[Convert].Select(r => r.Wall));
    var convertCpu = Median(results[Convert].Select(r => r.Cpu));
    Console.WriteLine($"ours: median {ourWall:0} ms wall, {ourCpu:0} ms CPU (goal ≤ 600 ms); {convertWall / ourWall:0.0}× faster than convert by wall time, " +
        $"{convertCpu / ourCpu:0.0}× by CPU time (goal ≥ 2); peak {ourPeakMb:0} MB (goal ≤ 300)");
    Console.WriteLine("× = median relative to ours (higher is slower). Peak MB: ours is this process's VmHWM (.NET runtime included);");
    Console.WriteLine("tools: maximum RSS from /usr/bin/time. Tool times include starting the program; ours excludes reading the");
    Console.WriteLine("original from the blob store.");

    Directory.Delete(work, recursive: true);
    return 0;
}

static string[] ImageMagickArguments(string image, string output, string box, string thumbBox, PhotoSettings settings, bool sizeHint)
{
    List<string> args = [];
    if (sizeHint)
        args.AddRange(["-define", $"jpeg:size={settings.DisplaySize * 2}x{settings.DisplaySize * 2}"]);
    args.AddRange(
    [
        image, "-auto-orient", "-strip", "-colorspace", "sRGB", "-resize", box + ">",
        "(", "+clone", "-quality", settings.WebpQuality.ToString(CultureInfo.InvariantCulture), "-write", Path.Combine(output, "display.webp"), "+delete", ")",
        "(", "+clone", "-quality", settings.JpegQuality.ToString(CultureInfo.InvariantCulture), "-interlace", "JPEG", "-write", Path.Combine(output, "display.jpg"), "+delete", ")",
        "-resize", thumbBox + ">",
        "(", "+clone", "-quality", settings.WebpQuality.ToString(CultureInfo.InvariantCulture), "-write", Path.Combine(output, "thumb.webp"), "+delete", ")",
        "-quality", settings.JpegQuality.ToString(CultureInfo.InvariantCulture), "-interlace", "JPEG", Path.Combine(output, "thumb.jpg"),
    ]);
    return [.. args];
}

static (double Wall, double Cpu, long PeakKb) Run(string? timeTool, string program, IEnumerable<string> arguments)
{
    var start = new ProcessStartInfo(timeTool ?? program) { RedirectStandardError = true, RedirectStandardOutput = true };
    if (timeTool is not null)
    {
        // Last line of stderr: "@@ <max RSS KB> <user s> <system s>".
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("@@ %M %U %S");
        start.ArgumentList.Add(program);
    }
    foreach (var argument in arguments)
        start.ArgumentList.Add(argument);
    var watch = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    var elapsed = watch.Elapsed.TotalMilliseconds;
    var stderr = error.Result;
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{program} failed: {stderr}");
    var marker = stderr.LastIndexOf("@@ ", StringComparison.Ordinal);
    if (marker < 0)
        return (elapsed, double.NaN, 0);
    var fields = stderr[(marker + 3)..].Trim().Split(' ');
    var cpu = (double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture)) * 1000;
    return (elapsed, cpu, long.Parse(fields[0], CultureInfo.InvariantCulture));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static double PeakMemoryMb()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    return 0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

static string ImageSize(string path)
{
    using var header = Image.NewFromFile(path);
    return $"{header.Width}×{header.Height}";
}
