package cn.gongkai.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Hyperlinks kept on disk while the sheets stream, and written into the package after POI has written it.
 *
 * <p>Why: POI keeps every {@code XSSFHyperlink} in memory until the workbook is written, each with its own
 * XMLBeans document (~1.5 KB), so 3,000 agencies × 60 evidence links needed more than 768 MB of heap. Here a link
 * costs a few bytes on disk; after {@code SXSSFWorkbook.write} the package is copied once, adding to each
 * worksheet a {@code <hyperlinks>} element (in its schema position, before {@code printOptions}/{@code pageMargins})
 * and to its relationships part one external {@code hyperlink} relationship per link — the same markup POI writes.
 * Links of one sheet are contiguous in the spool because sheets are written one after another.
 */
final class LinkSpool implements Closeable {

    private static final String HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    /** Elements that follow {@code hyperlinks} in CT_Worksheet, the first present is where the links go. */
    private static final List<String> AFTER_HYPERLINKS = List.of("<printOptions", "<pageMargins", "<pageSetup",
            "<headerFooter", "<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors",
            "<smartTags", "<drawing", "<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls",
            "<webPublishItems", "<tableParts", "<extLst", "</worksheet>");

    /** The links of one worksheet part: bytes [start, end) of the spool. */
    private record Segment(long start, long end, int count) {
    }

    private final Path file;
    private final DataOutputStream out;
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private String current;
    private long currentStart;
    private int currentCount;

    LinkSpool() throws IOException {
        this(null);
    }

    /** A spool in {@code dir}, or in the system temp folder when {@code dir} is null. */
    LinkSpool(Path dir) throws IOException {
        file = dir == null ? Files.createTempFile("gongkai-links", ".bin") : Files.createTempFile(dir, "gongkai-links", ".bin");
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
    }

    /** Adds a link from cell {@code ref} (e.g. {@code H8}) of worksheet part {@code part} to {@code url}. */
    void add(String part, String ref, String url) throws IOException {
        if (!part.equals(current)) {
            closeSegment();
            if (segments.containsKey(part)) {
                throw new IllegalStateException("links of " + part + " must be added while its sheet is written");
            }
            current = part;
            currentStart = out.size();
            currentCount = 0;
        }
        out.writeUTF(ref);
        out.writeUTF(url);
        currentCount++;
    }

    /** Links added so far to {@code part}. */
    int count(String part) {
        if (part.equals(current)) {
            return currentCount;
        }
        Segment s = segments.get(part);
        return s == null ? 0 : s.count();
    }

    private void closeSegment() {
        if (current != null) {
            segments.put(current, new Segment(currentStart, out.size(), currentCount));
            current = null;
        }
    }

    /** Copies the package {@code written} to {@code target}, adding the spooled links. */
    void copyWithLinks(Path written, OutputStream target) throws IOException {
        closeSegment();
        out.flush();
        Set<String> relsDone = new HashSet<>();
        try (ZipFile zip = new ZipFile(written.toFile());
             RandomAccessFile links = new RandomAccessFile(file.toFile(), "r");
             ZipOutputStream zos = new ZipOutputStream(target)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                zos.putNextEntry(new ZipEntry(name));
                try (InputStream in = zip.getInputStream(entry)) {
                    Segment sheet = segments.get("/" + name);
                    String relsOf = sheetOfRels(name);
                    if (sheet != null) {
                        writeSheet(in, zos, read(links, sheet));
                    } else if (relsOf != null && segments.containsKey(relsOf)) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        int end = xml.lastIndexOf("</Relationships>");
                        zos.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                        writeRelationships(zos, read(links, segments.get(relsOf)));
                        zos.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                        relsDone.add(relsOf);
                    } else {
                        in.transferTo(zos);
                    }
                }
                zos.closeEntry();
            }
            for (Map.Entry<String, Segment> s : segments.entrySet()) {
                if (!relsDone.contains(s.getKey())) {
                    zos.putNextEntry(new ZipEntry(relsPart(s.getKey()).substring(1)));
                    zos.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
                            .getBytes(StandardCharsets.UTF_8));
                    writeRelationships(zos, read(links, s.getValue()));
                    zos.write("</Relationships>".getBytes(StandardCharsets.UTF_8));
                    zos.closeEntry();
                }
            }
        }
    }

    /** The worksheet part whose relationships part {@code entry} is, or {@code null}. */
    private static String sheetOfRels(String entry) {
        int slash = entry.lastIndexOf("/_rels/");
        if (slash < 0 || !entry.endsWith(".rels")) {
            return null;
        }
        return "/" + entry.substring(0, slash) + "/" + entry.substring(slash + 7, entry.length() - 5);
    }

    private static String relsPart(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash) + "/_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** One sheet's links as (ref, url) pairs. */
    private static List<String[]> read(RandomAccessFile links, Segment s) throws IOException {
        links.seek(s.start());
        DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(links.getChannel())));
        List<String[]> list = new ArrayList<>(s.count());
        for (int i = 0; i < s.count(); i++) {
            list.add(new String[]{in.readUTF(), in.readUTF()});
        }
        return list;
    }

    /** Copies the worksheet XML, streaming the rows and inserting the links after what precedes them. */
    private static void writeSheet(InputStream in, OutputStream out, List<String[]> links) throws IOException {
        byte[] close = "</sheetData>".getBytes(StandardCharsets.UTF_8);
        byte[] empty = "<sheetData/>".getBytes(StandardCharsets.UTF_8);
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        BufferedOutputStream o = new BufferedOutputStream(out, 64 * 1024);
        int a = 0;
        int b = 0;
        int c;
        while ((c = buffered.read()) >= 0) {
            o.write(c);
            a = c == close[a] ? a + 1 : (c == close[0] ? 1 : 0);
            b = c == empty[b] ? b + 1 : (c == empty[0] ? 1 : 0);
            if (a == close.length || b == empty.length) {
                break;
            }
        }
        String tail = new String(buffered.readAllBytes(), StandardCharsets.UTF_8);
        StringBuilder xml = new StringBuilder();
        int existing = tail.indexOf("</hyperlinks>");
        int at = existing >= 0 ? existing : insertionPoint(tail);
        if (existing < 0) {
            // Declared here: a sheet without other relationships has no r: prefix bound on its root.
            xml.append("<hyperlinks xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        }
        for (int i = 0; i < links.size(); i++) {
            xml.append("<hyperlink ref=\"").append(links.get(i)[0]).append("\" r:id=\"rIdGk").append(i + 1).append("\"/>");
        }
        if (existing < 0) {
            xml.append("</hyperlinks>");
        }
        o.write(tail.substring(0, at).getBytes(StandardCharsets.UTF_8));
        o.write(xml.toString().getBytes(StandardCharsets.UTF_8));
        o.write(tail.substring(at).getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private static int insertionPoint(String tail) {
        int best = -1;
        for (String element : AFTER_HYPERLINKS) {
            int i = indexOfElement(tail, element);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("worksheet XML without </worksheet>");
        }
        return best;
    }

    /** Index of an element start (not a longer name with the same prefix, e.g. drawing vs drawingHF). */
    private static int indexOfElement(String xml, String element) {
        int from = 0;
        while (true) {
            int i = xml.indexOf(element, from);
            if (i < 0 || element.endsWith(">")) {
                return i;
            }
            int next = i + element.length();
            if (next < xml.length() && (xml.charAt(next) == ' ' || xml.charAt(next) == '>' || xml.charAt(next) == '/')) {
                return i;
            }
            from = next;
        }
    }

    private static void writeRelationships(OutputStream out, List<String[]> links) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int i = 0; i < links.size(); i++) {
            buf.write(("<Relationship Id=\"rIdGk" + (i + 1) + "\" Target=\"" + attr(links.get(i)[1])
                    + "\" TargetMode=\"External\" Type=\"" + HYPERLINK_REL + "\"/>").getBytes(StandardCharsets.UTF_8));
            if (buf.size() > 64 * 1024) {
                buf.writeTo(out);
                buf.reset();
            }
        }
        buf.writeTo(out);
    }

    private static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }
}
