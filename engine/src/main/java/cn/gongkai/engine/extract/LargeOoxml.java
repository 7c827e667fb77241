package cn.gongkai.engine.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * DOCX and XLSX too large for POI's usermodel. {@code XWPFDocument} and {@code XSSFWorkbook} build the whole XML
 * tree of every part before a character of text comes out: about ten times the XML in heap (a 90 MB
 * {@code document.xml}, which passes POI's inflate-ratio guard at 4 % and zips to 4 MB, allocated 3.7 GB and ran
 * out of a 1 GB heap). Past {@link #USERMODEL_BYTES} inflated the package is instead opened from a temporary
 * file with POI's {@link ZipSecureFile} (so parts are inflated as they are read, through its inflate-ratio and
 * entry-size guards, not held in memory; a zip without a central directory is refused)
 * and read as a stream: the main document part with SAX, sheets with POI's event API ({@link XSSFReader},
 * {@link XSSFSheetXMLHandler}), shared strings with POI's {@link ReadOnlySharedStringsTable}, each stopped as
 * soon as {@link AttachmentText#MAX_CHARS} characters of text are out.
 */
final class LargeOoxml {

    /**
     * Inflated bytes (all parts) beyond which a package is read as a stream. 8 MB is a DOCX of about a thousand
     * pages or a sheet of tens of thousands of cells; below it the usermodel's tree stays under ~100 MB and its
     * text (headers, footers, formulas as written) is kept as before. Every part counts, not only those named
     * {@code .xml}: the content types, not the names, say which part is the document.
     */
    static final long USERMODEL_BYTES = 8L * 1024 * 1024;
    /** Styles are loaded whole (POI has no streaming reader for them); larger style sheets are skipped. */
    private static final long MAX_STYLES_BYTES = 4L * 1024 * 1024;

    private LargeOoxml() {
    }

    /**
     * Whether the zip's parts inflate past {@link #USERMODEL_BYTES}, counted on the bytes actually inflated (a
     * zip's declared sizes may lie) and stopping there. A zip that cannot be walked entry by entry counts as
     * large, so it is only ever opened by the stream reader, from its central directory.
     */
    static boolean tooLargeForUsermodel(byte[] zip) {
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    inflated += n;
                    if (inflated > USERMODEL_BYTES) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The text of a large DOCX or XLSX (which, from its main part's content type), up to the cap. */
    static AttachmentText.Text read(byte[] zip) throws IOException {
        Path file = Files.createTempFile("gongkai-ooxml", ".zip");
        try {
            Files.write(file, zip);
            // Not OPCPackage.open(File): on a zip without a readable central directory it falls back to reading
            // every entry into memory (up to 100 MB each), the very thing this class avoids.
            try (ZipSecureFile zipFile = new ZipSecureFile(file.toFile())) {
                OPCPackage pkg = OPCPackage.open(new ZipFileZipEntrySource(zipFile));
                try {
                    List<PackagePart> main = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
                    if (main.isEmpty()) {
                        throw new IOException("no main document part");
                    }
                    String type = main.get(0).getContentType();
                    if (type.contains("spreadsheetml")) {
                        return excel(pkg);
                    }
                    if (type.contains("wordprocessingml")) {
                        return word(main.get(0));
                    }
                    throw new IOException("not a DOCX or XLSX main part: " + type);
                } finally {
                    pkg.revert(); // read-only: close without saving
                }
            }
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static AttachmentText.Text word(PackagePart main) throws IOException, SAXException,
            ParserConfigurationException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = main.getInputStream()) {
            parse(in, new WordText(out));
        } catch (AttachmentText.Full full) {
            return AttachmentText.cut(out);
        }
        return new AttachmentText.Text(out.toString(), false);
    }

    private static AttachmentText.Text excel(OPCPackage pkg) throws IOException, OpenXML4JException, SAXException,
            ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        StringBuilder out = new StringBuilder();
        CappedStrings strings = new CappedStrings();
        for (PackagePart p : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            try (InputStream in = p.getInputStream()) {
                strings.readFrom(in);
            } catch (AttachmentText.Full full) {
                strings.cut = true;
            }
        }
        StylesTable styles = stylesSmallEnough(pkg) ? reader.getStylesTable() : null;
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        try {
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    out.append(sheets.getSheetName()).append('\n');
                    parse(in, new XSSFSheetXMLHandler(styles, strings, new Rows(out), new DataFormatter(), false));
                }
            }
        } catch (AttachmentText.Full full) {
            return AttachmentText.cut(out);
        }
        return new AttachmentText.Text(out.toString(), strings.cut);
    }

    private static boolean stylesSmallEnough(OPCPackage pkg) throws IOException {
        for (PackagePart p : pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
            try (InputStream in = p.getInputStream()) {
                if (inflatesPast(in, MAX_STYLES_BYTES)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether the stream holds more than {@code limit} bytes, reading no further than that. */
    private static boolean inflatesPast(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            total += n;
            if (total > limit) {
                return true;
            }
        }
        return false;
    }

    private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException,
            ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(handler);
        xml.parse(new InputSource(in));
    }

    /**
     * POI's read-only shared strings table, stopped once the strings hold the text cap: strings past it are
     * never shown, since the sheets' text is cut at the same cap (cells naming them read as empty).
     */
    private static final class CappedStrings extends ReadOnlySharedStringsTable {
        private long chars;
        private int read;
        boolean cut;

        CappedStrings() throws IOException, SAXException {
            super(InputStream.nullInputStream(), false);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            chars += length;
            if (chars > AttachmentText.MAX_CHARS) {
                throw new AttachmentText.Full();
            }
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            super.endElement(uri, localName, name);
            if ("si".equals(localName)) {
                read++;
            }
        }

        /** A string past the cap reads as empty rather than failing the sheet. */
        @Override
        public RichTextString getItemAt(int idx) {
            return idx >= 0 && idx < read ? super.getItemAt(idx) : new XSSFRichTextString("");
        }
    }

    /** Cells of a row: non-empty values, stripped, tab-separated, as {@link AttachmentText} writes them. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final StringBuilder out;
        private final StringBuilder line = new StringBuilder();

        Rows(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void startRow(int rowNum) {
            line.setLength(0);
        }

        @Override
        public void endRow(int rowNum) {
            if (line.length() > 0) {
                out.append(line).append('\n');
            }
            if (out.length() > AttachmentText.MAX_CHARS) {
                throw new AttachmentText.Full();
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            String v = value == null ? "" : value.strip();
            if (!v.isEmpty()) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(v);
            }
            if (line.length() > AttachmentText.MAX_CHARS) {
                out.append(line);
                throw new AttachmentText.Full();
            }
        }
    }

    /**
     * Text of a WordprocessingML body: {@code w:t} runs, a line per paragraph, tabs and breaks kept; deleted
     * text ({@code w:delText}) and field codes ({@code w:instrText}) are not text the reader sees.
     */
    private static final class WordText extends DefaultHandler {
        private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        private final StringBuilder out;
        private boolean inText;

        WordText(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!W.equals(uri)) {
                return;
            }
            switch (localName) {
                case "t" -> inText = true;
                case "tab" -> out.append('\t');
                case "br", "cr" -> out.append('\n');
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!W.equals(uri)) {
                return;
            }
            switch (localName) {
                case "t" -> inText = false;
                case "p" -> out.append('\n');
                case "tc" -> out.append('\t');
                default -> {
                }
            }
            full();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                out.append(ch, start, length);
                full();
            }
        }

        private void full() {
            if (out.length() > AttachmentText.MAX_CHARS) {
                throw new AttachmentText.Full();
            }
        }
    }
}
