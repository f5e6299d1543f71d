package org.omnitill.core.scan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.omnitill.core.catalog.Gtin;
import org.omnitill.core.money.Money;

/** What one scan or one typed code turned out to be. Made by {@link BarcodeParser#parse(String)}. */
public sealed interface Scan {

    /**
     * A trade item number with a correct GS1 check digit: GTIN-8, GTIN-12 (UPC-A; a UPC-E scan is
     * already expanded to it), GTIN-13 or GTIN-14, kept with the length it was scanned in.
     */
    record Item(String gtin) implements Scan {

        public Item {
            if (!Gtin.isValid(gtin)) {
                throw new IllegalArgumentException("not a valid GTIN: " + gtin);
            }
        }

        /**
         * The codes the catalog should try, in this order, the first being {@link #gtin()}. The
         * same number in the other lengths a catalog may hold it under:
         * <ul>
         *   <li>GTIN-8: itself; when it is also a valid UPC-E (see the package rules), then its
         *       UPC-A expansion and that UPC-A's EAN-13 form;</li>
         *   <li>GTIN-12: itself, then its EAN-13 form (a leading 0);</li>
         *   <li>GTIN-13: itself, then, when it starts with 0, its UPC-A form;</li>
         *   <li>GTIN-14: itself, then, when it starts with 0, its EAN-13 form, and when it starts
         *       with 00 its UPC-A form.</li>
         * </ul>
         */
        public List<String> lookupKeys() {
            List<String> keys = new ArrayList<>();
            keys.add(gtin);
            switch (gtin.length()) {
                case 8 -> UpcE.expand(gtin).ifPresent(upcA -> {
                    keys.add(upcA);
                    keys.add("0" + upcA);
                });
                case 12 -> keys.add("0" + gtin);
                case 13 -> {
                    if (gtin.startsWith("0")) {
                        keys.add(gtin.substring(1));
                    }
                }
                default -> {
                    if (gtin.startsWith("0")) {
                        keys.add(gtin.substring(1));
                    }
                    if (gtin.startsWith("00")) {
                        keys.add(gtin.substring(2));
                    }
                }
            }
            return List.copyOf(keys);
        }
    }

    /**
     * An in-store label with an embedded price or weight.
     *
     * @param itemCode the item code digits of the layout, without the prefix
     * @param kind     price or weight
     * @param value    the price in currency units or the weight in kg, at the layout's scale
     * @param raw      the code as scanned, after trimming
     */
    record VariableMeasure(String itemCode, VariableKind kind, BigDecimal value, String raw) implements Scan {

        public VariableMeasure {
            Objects.requireNonNull(itemCode, "itemCode");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(raw, "raw");
        }

        /**
         * The embedded price as money; {@link Money} rounds half up to the currency's decimals, so
         * the layout's scale should match the currency.
         *
         * @throws IllegalStateException when the label carries a weight
         */
        public Money price(Currency currency) {
            if (kind != VariableKind.PRICE) {
                throw new IllegalStateException("this label carries a weight, not a price: " + raw);
            }
            return Money.of(value, currency);
        }
    }

    /** A loyalty card; {@code cardNumber} is what follows the prefix. */
    record Loyalty(String cardNumber) implements Scan {
        public Loyalty {
            Objects.requireNonNull(cardNumber, "cardNumber");
        }
    }

    /** A store coupon; {@code code} is what follows the prefix. */
    record Coupon(String code) implements Scan {
        public Coupon {
            Objects.requireNonNull(code, "code");
        }
    }

    /** A printed receipt; {@code receiptNumber} is {@code TILLCODE-SEQUENCE}, e.g. {@code T01-000123}. */
    record Receipt(String receiptNumber) implements Scan {

        public Receipt {
            Objects.requireNonNull(receiptNumber, "receiptNumber");
            int dash = receiptNumber.lastIndexOf('-');
            if (dash <= 0 || dash == receiptNumber.length() - 1) {
                throw new IllegalArgumentException("a receipt number is TILLCODE-SEQUENCE: " + receiptNumber);
            }
        }

        /** The till that printed it, e.g. {@code T01}. */
        public String tillCode() {
            return receiptNumber.substring(0, receiptNumber.lastIndexOf('-'));
        }

        /** The receipt's sequence number on that till, e.g. 123. */
        public long sequence() {
            return Long.parseLong(receiptNumber.substring(receiptNumber.lastIndexOf('-') + 1));
        }
    }

    /** An online order to be picked up; {@code orderCode} is what follows the prefix. */
    record PickupOrder(String orderCode) implements Scan {
        public PickupOrder {
            Objects.requireNonNull(orderCode, "orderCode");
        }
    }

    /**
     * Input that is not a usable code. The user interface translates by {@link #reason()};
     * {@link #message()} is the English text.
     *
     * @param input the input after trimming
     */
    record Rejected(String input, Reason reason) implements Scan {

        public Rejected {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(reason, "reason");
        }

        public String message() {
            return reason.message();
        }
    }

    /** Why input was rejected. */
    enum Reason {
        /** Nothing but whitespace. */
        EMPTY("Nothing was scanned or typed."),
        /** No known prefix, and not only digits. */
        NOT_DIGITS("This is not a barcode: a barcode has digits only."),
        /** Digits, but not 8, 12, 13 or 14 of them. */
        WRONG_LENGTH("This barcode has the wrong number of digits. Product barcodes have 8, 12, 13 or 14."),
        /** The GS1 check digit (last digit) does not match. */
        BAD_CHECK_DIGIT("This barcode was not read correctly (wrong check digit). Scan it again or type it carefully."),
        /** The price/weight check digit of a variable-measure label does not match. */
        BAD_PRICE_CHECK_DIGIT("The price or weight on this label was not read correctly. Scan it again or enter the item by hand."),
        /** A known prefix with a missing or malformed rest. */
        MALFORMED("This card, coupon, receipt or pickup code is incomplete or not in the expected format.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** A short English text for the cashier. */
        public String message() {
            return message;
        }
    }
}
