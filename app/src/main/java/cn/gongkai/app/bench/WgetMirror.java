package cn.gongkai.app.bench;

import cn.gongkai.fixtures.farm.SiteFarm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The baseline a user might reach for instead: {@code wget --recursive} over the same farm, one wget per site
 * with the same per-host wait, {@code parallel} at once through {@code xargs -P}. It only mirrors — no facts, no
 * rules, no workbook.
 */
public final class WgetMirror {

    /** What the mirror measured. */
    public record Result(int sites, int parallel, long files, long requests, double wallSeconds, double floorSeconds) {
        public double ratio() {
            return wallSeconds / floorSeconds;
        }
    }

    private WgetMirror() {
    }

    /** The wget on the PATH, if any. */
    public static Optional<Path> find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, "wget");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Result run(Path wget, CampaignBench.Setup setup, Path workDir) throws IOException, InterruptedException {
        try (SiteFarm farm = SiteFarm.start(setup.farm())) {
            Path dir = workDir.resolve("wget-" + setup.sites() + "x" + setup.pagesPerSite());
            Files.createDirectories(dir);
            StringBuilder jobs = new StringBuilder();
            for (SiteFarm.Site s : farm.sites()) {
                jobs.append(dir.resolve("site-" + s.shape().index())).append(' ').append(s.url()).append('\n');
            }
            Path jobFile = dir.resolve("jobs.txt");
            Files.writeString(jobFile, jobs, StandardCharsets.UTF_8);
            String wait = String.format(java.util.Locale.ROOT, "%.3f", setup.hostDelay().toMillis() / 1000.0);
            // --level=inf: list pages chain (index → index_1 → …); robots.txt is obeyed as the crawler obeys it.
            // wget exits 8 when any link answered 404 (it also follows <link>/<img>, which the farm does not serve).
            String wgetCmd = "'" + wget + "' --recursive --level=inf --wait=" + wait
                    + " --tries=1 --timeout=30 --no-verbose --execute robots=on --no-host-directories"
                    + " --directory-prefix=\"$0\" \"$1\" 2>/dev/null";
            ProcessBuilder pb = new ProcessBuilder("xargs", "-P", Integer.toString(setup.parallel()), "-n", "2",
                    "sh", "-c", wgetCmd + "; exit 0");
            pb.redirectInput(jobFile.toFile());
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Duration floor = CampaignBench.floor(farm, setup);
            long start = System.nanoTime();
            Process p = pb.start();
            int code = p.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (code != 0) {
                throw new IOException("xargs/wget exited with " + code);
            }
            long files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("jobs.txt")
                        && !f.getFileName().toString().equals("robots.txt")).count();
            }
            long requests = farm.requests();
            CampaignBench.deleteTree(dir);
            return new Result(setup.sites(), setup.parallel(), files, requests, wall, floor.toNanos() / 1e9);
        }
    }

}
