package cn.gongkai.crawl;

/**
 * Recognises binary bodies by their magic numbers, so a PDF or an Office file served as {@code text/html} (a
 * common CMS misconfiguration) is not parsed as a page.
 */
final class ContentSniffer {

    private ContentSniffer() {
    }

    /** Whether the body starts like a PDF, ZIP/OOXML, OLE2 (DOC/XLS), image or gzip file. */
    static boolean isBinary(byte[] body) {
        return !describe(body).equals("text");
    }

    /** A word for what the body's first bytes say it is: {@code PDF}, {@code ZIP}, … or {@code text}. */
    static String describe(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
            return "PDF";
        }
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "ZIP (DOCX/XLSX/OFD)";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "OLE2 (DOC/XLS/WPS)";
        }
        if (starts(b, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47) || starts(b, 0xFF, 0xD8, 0xFF) || starts(b, 0x47, 0x49, 0x46, 0x38)) {
            return "an image";
        }
        return "text";
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
