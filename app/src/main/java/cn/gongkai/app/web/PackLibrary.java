package cn.gongkai.app.web;

import cn.gongkai.engine.rule.PackException;
import cn.gongkai.engine.rule.PackProblem;
import cn.gongkai.engine.rule.RuleEvaluator;
import cn.gongkai.engine.rule.RulePack;
import cn.gongkai.engine.rule.RulePacks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packs the web app can use: the shipped ones and those uploaded through the packs page, kept under
 * {@code <data>/packs/<id>/}. An upload (a zip of a pack folder, or a single {@code pack.yaml}) is validated with
 * {@link RulePacks#validate} — every problem, with file and line — and installed only if it has none.
 */
@Component
public class PackLibrary {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_ENTRIES = 200;
    private static final long MAX_UNZIPPED = 20L * 1024 * 1024;

    private final Path folder;

    PackLibrary(@Value("${gongkai.data-dir}") String dataDir) {
        this.folder = Path.of(dataDir).toAbsolutePath().resolve("packs");
    }

    /** Shipped pack ids, then uploaded ones. */
    public List<String> ids() {
        List<String> out = new ArrayList<>(RulePacks.shippedIds());
        if (Files.isDirectory(folder)) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> Files.isRegularFile(p.resolve("pack.yaml"))).map(p -> p.getFileName().toString())
                        .sorted().filter(id -> !out.contains(id)).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    public boolean uploaded(String id) {
        return !RulePacks.shippedIds().contains(id) && Files.isRegularFile(folder.resolve(id).resolve("pack.yaml"));
    }

    /** The pack {@code id}, or a 400 problem naming the packs there are. */
    public RulePack resolve(String id) {
        if (id == null || id.isBlank()) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "请选择规则包", "choose a rule pack");
        }
        if (!ids().contains(id)) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "未知的规则包“" + id + "”，可用：" + ids(),
                    "unknown pack " + id + "; known: " + ids());
        }
        try {
            return uploaded(id) ? RulePacks.load(folder.resolve(id)) : RulePacks.loadShipped(id);
        } catch (PackException e) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "规则包 " + id + " 无法加载", "pack " + id + " cannot be loaded",
                    List.of(e.getMessage()));
        }
    }

    /** What {@code audit --resume} needs to find the pack again: the id, or the uploaded pack's folder. */
    String ref(String id) {
        return uploaded(id) ? folder.resolve(id).toString() : id;
    }

    /** The outcome of validating an upload: the pack if usable, else every problem. */
    public record Validation(String id, RulePack pack, List<PackProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Validates an uploaded zip or {@code pack.yaml}; with {@code install}, a valid pack is then kept and can be
     * chosen for runs (replacing an earlier upload of the same id; shipped ids cannot be replaced).
     */
    public Validation validate(String fileName, byte[] bytes, boolean install) {
        String name = fileName == null ? "" : Path.of(fileName).getFileName().toString();
        boolean zip = name.toLowerCase().endsWith(".zip");
        boolean yaml = name.equals("pack.yaml") || name.toLowerCase().endsWith(".yaml") || name.toLowerCase().endsWith(".yml");
        if (!zip && !yaml) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "请上传规则包目录的 zip 压缩包或 pack.yaml：" + name,
                    "upload a zip of the pack folder or a pack.yaml: " + name);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("pack-upload-");
            String id = zip ? unzip(bytes, work, baseName(name)) : baseName(name).equals("pack") ? "uploaded" : baseName(name);
            if (!ID.matcher(id).matches()) {
                throw new WebProblem(HttpStatus.BAD_REQUEST, "规则包 id 只能含字母、数字、点、横线和下划线：" + id,
                        "a pack id may hold letters, digits, dot, dash and underscore only: " + id);
            }
            Path dir = work.resolve(id);
            if (yaml) {
                Files.createDirectories(dir);
                Files.write(dir.resolve("pack.yaml"), bytes);
            }
            if (!Files.isRegularFile(dir.resolve("pack.yaml"))) {
                throw new WebProblem(HttpStatus.BAD_REQUEST, "压缩包中没有 pack.yaml：" + name, "no pack.yaml in " + name);
            }
            List<PackProblem> problems = RulePacks.validate(dir);
            RulePack pack = null;
            if (problems.isEmpty()) {
                pack = RulePacks.load(dir);
                new RuleEvaluator(pack);
                if (install) {
                    if (RulePacks.shippedIds().contains(id)) {
                        throw new WebProblem(HttpStatus.CONFLICT, "内置规则包 " + id + " 不能被替换，请改用其他 id",
                                "shipped pack " + id + " cannot be replaced; use another id");
                    }
                    Files.createDirectories(folder);
                    FileSystemUtils.deleteRecursively(folder.resolve(id));
                    FileSystemUtils.copyRecursively(dir, folder.resolve(id));
                    pack = RulePacks.load(folder.resolve(id));
                }
            }
            return new Validation(id, pack, problems);
        } catch (IOException e) {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "无法读取上传的文件 " + name + "：" + e.getMessage(),
                    "cannot read the uploaded file " + name + ": " + e.getMessage());
        } finally {
            if (work != null) {
                try {
                    FileSystemUtils.deleteRecursively(work);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }
        }
    }

    /**
     * Unpacks a pack zip: either the pack's files at the top (id = zip name) or one top folder (id = its name).
     * Guards against zip-slip paths, too many entries and zip bombs.
     */
    private static String unzip(byte[] bytes, Path into, String zipName) throws IOException {
        List<String> tops = new ArrayList<>();
        Path staging = into.resolve("_zip");
        Files.createDirectories(staging);
        long total = 0;
        int entries = 0;
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new WebProblem(HttpStatus.BAD_REQUEST, "压缩包文件过多（超过 " + MAX_ENTRIES + " 个）",
                            "too many files in the zip (more than " + MAX_ENTRIES + ")");
                }
                Path target = staging.resolve(e.getName()).normalize();
                if (!target.startsWith(staging) || e.getName().contains("..")) {
                    throw new WebProblem(HttpStatus.BAD_REQUEST, "压缩包含非法路径：" + e.getName(),
                            "illegal path in the zip: " + e.getName());
                }
                String top = staging.relativize(target).getName(0).toString();
                if (!tops.contains(top)) {
                    tops.add(top);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                total += copyCapped(zin, target, MAX_UNZIPPED - total);
            }
        }
        Path packDir;
        String id;
        if (Files.isRegularFile(staging.resolve("pack.yaml"))) {
            id = zipName;
            packDir = staging;
        } else if (tops.size() == 1 && Files.isDirectory(staging.resolve(tops.get(0)))) {
            id = tops.get(0);
            packDir = staging.resolve(id);
        } else {
            throw new WebProblem(HttpStatus.BAD_REQUEST, "压缩包中没有 pack.yaml（应在顶层或唯一的顶层目录中）",
                    "no pack.yaml in the zip (expected at the top or in its only top folder)");
        }
        if (ID.matcher(id).matches()) {
            Files.move(packDir, into.resolve(id));
        }
        return id;
    }

    private static long copyCapped(InputStream in, Path target, long room) throws IOException {
        byte[] buf = new byte[8192];
        long written = 0;
        try (var out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                written += n;
                if (written > room) {
                    throw new WebProblem(HttpStatus.BAD_REQUEST, "压缩包解压后过大（超过 " + MAX_UNZIPPED + " 字节）",
                            "the zip unpacks to more than " + MAX_UNZIPPED + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        return written;
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
