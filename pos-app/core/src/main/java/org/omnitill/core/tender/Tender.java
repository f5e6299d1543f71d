package org.omnitill.core.tender;

import java.util.Objects;
import org.omnitill.core.money.Money;

/**
 * One payment towards a sale. A card payment records only what the external terminal prints: its
 * reference, the approval code, the brand and at most the last four digits of the card number.
 * A full card number, track data or a CVV are refused, never stored.
 */
public sealed interface Tender permits Tender.Cash, Tender.Card {

    Money amount();

    /** Cash handed over; the change is worked out by the sale. */
    record Cash(Money amount) implements Tender {
        public Cash {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative() || amount.isZero()) {
                throw new TenderException("the cash given must be more than zero");
            }
        }
    }

    /** A card payment approved on the external terminal. */
    record Card(Money amount, String brand, String last4, String terminalReference, String approvalCode)
            implements Tender {
        public Card {
            Objects.requireNonNull(amount, "amount");
            if (amount.isNegative() || amount.isZero()) {
                throw new TenderException("a card payment must be more than zero");
            }
            brand = clean(brand, 20, "card brand");
            last4 = clean(last4, 4, "last four digits");
            if (last4 != null && !last4.matches("\\d{4}")) {
                throw new TenderException("enter exactly the last four digits of the card, or nothing");
            }
            terminalReference = clean(terminalReference, 32, "terminal reference");
            approvalCode = clean(approvalCode, 12, "approval code");
        }

        private static String clean(String value, int max, String what) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = value.strip();
            if (looksLikeCardData(text)) {
                throw new TenderException("the " + what + " looks like a card number or track data; it is not stored. "
                        + "Enter only what the terminal receipt shows");
            }
            if (text.length() > max) {
                throw new TenderException("the " + what + " is longer than " + max + " characters");
            }
            return text;
        }

        /** 13 to 19 digits in a row (spaces or dashes between allowed) or track-data sentinels. */
        static boolean looksLikeCardData(String text) {
            String digits = text.replaceAll("[ -]", "");
            return digits.matches(".*\\d{13,19}.*") || text.contains("%B") || text.contains(";") || text.contains("=");
        }

        @Override
        public String toString() {
            return "Card[" + amount + ", " + brand + " ****" + (last4 == null ? "" : last4) + "]";
        }
    }
}
