package cn.gongkai.engine.rule;

/**
 * How a checklist item is checked.
 */
public enum CheckMode {
    /** Decided from facts by the pack's rules. */
    AUTO,
    /** Rules find candidate evidence; an assessor confirms. */
    ASSISTED,
    /** Not observable on a website: shown to the assessor with nothing pre-filled. */
    MANUAL;

    static CheckMode parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "assisted" -> ASSISTED;
            case "manual" -> MANUAL;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
