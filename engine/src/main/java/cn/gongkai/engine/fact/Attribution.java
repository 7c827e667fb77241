package cn.gongkai.engine.fact;

/**
 * Whether a document counts for the agency whose facts it is in. The audit decides it from the agency's scope and
 * the document's {@link Issuer}: documents of another unit are left out of the agency's facts altogether; a
 * document whose unit cannot be told with confidence stays in as {@link Status#UNCERTAIN}, with the reason, so a
 * verdict resting on it only is 待人工复核 and says why — never 符合.
 *
 * @param status  OWN or UNCERTAIN
 * @param reason  for UNCERTAIN, why in Chinese (shown in the explanation); {@code null} for OWN
 */
public record Attribution(Status status, String reason) {

    public enum Status { OWN, UNCERTAIN }

    /** The document is the agency's own: in its scope, and naming it (or no other unit) as issuer. */
    public static final Attribution OWN = new Attribution(Status.OWN, null);

    public Attribution {
        if (status == null) {
            status = Status.OWN;
        }
        if (status == Status.OWN) {
            reason = null;
        }
    }

    public static Attribution uncertain(String reason) {
        return new Attribution(Status.UNCERTAIN, reason);
    }

    public boolean own() {
        return status == Status.OWN;
    }
}
