package cn.gongkai.engine.extract;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns page bytes into text. Order: byte-order mark; then the HTTP header charset and the page's own
 * {@code <meta charset>} / {@code http-equiv} declaration (when they disagree, the one under which the bytes
 * decode cleanly wins); no declaration: valid UTF-8, else ICU's detector, else UTF-8. A declared GB2312 or GBK
 * is decoded as GB18030, its superset, because real GB2312-declared pages carry GBK-only characters.
 */
final class CharsetSniffer {

    /** Decoded text and the charset used. */
    record Decoded(String text, String charset) {
    }

    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]{0,300}?charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("(?i)<[?a-z][^>]{0,400}?\\bencoding\\s*=\\s*[\"']([\\w.:-]+)");
    private static final int HEAD_BYTES = 8192;

    private CharsetSniffer() {
    }

    static Decoded decode(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), "UTF-8");
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
        }
        Charset header = contentType == null ? null : find(HEADER_CHARSET, contentType);
        String head = new String(body, 0, Math.min(body.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        Charset meta = find(META_CHARSET, head);
        if (meta == null) {
            meta = find(XML_ENCODING, head);
        }
        Charset chosen = choose(body, header, meta);
        if (chosen == null) {
            chosen = sniff(body);
        }
        return new Decoded(new String(body, chosen), chosen.name());
    }

    private static Charset choose(byte[] body, Charset header, Charset meta) {
        if (header == null || meta == null || header.equals(meta)) {
            return header != null ? header : meta;
        }
        boolean headerClean = decodesCleanly(body, header);
        boolean metaClean = decodesCleanly(body, meta);
        if (headerClean && metaClean) {
            // Latin-1 family decodes anything: it is the weaker claim. UTF-8 decoding cleanly is strong evidence.
            if (isSingleByteLatin(header) != isSingleByteLatin(meta)) {
                return isSingleByteLatin(header) ? meta : header;
            }
            if (meta.equals(StandardCharsets.UTF_8)) {
                return meta;
            }
            return header;
        }
        if (headerClean != metaClean) {
            return headerClean ? header : meta;
        }
        return header;
    }

    private static Charset sniff(byte[] body) {
        if (decodesCleanly(body, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        try {
            CharsetDetector detector = new CharsetDetector();
            detector.setText(body);
            CharsetMatch match = detector.detect();
            if (match != null && match.getConfidence() >= 10) {
                Charset cs = canonical(match.getName());
                if (cs != null) {
                    return cs;
                }
            }
        } catch (RuntimeException e) {
            // fall through to UTF-8
        }
        return StandardCharsets.UTF_8;
    }

    static boolean decodesCleanly(byte[] body, Charset cs) {
        try {
            cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Charset find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        while (m.find()) {
            Charset cs = canonical(m.group(1));
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    /** Maps a declared name to the charset to decode with; GB2312/GBK become GB18030. */
    static Charset canonical(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("gb2312") || n.equals("gbk") || n.equals("x-gbk") || n.equals("gb_2312-80") || n.equals("cp936")
                || n.equals("euc-cn") || n.equals("x-euc-cn") || n.equals("ms936") || n.equals("gb18030")) {
            return Charset.forName("GB18030");
        }
        if (n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isSingleByteLatin(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii");
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
