package org.omnitill.hub;

import static org.omnitill.hub.jooq.Tables.SHIFT_CLOSE;
import static org.omnitill.hub.jooq.Tables.STORE;
import static org.omnitill.hub.jooq.Tables.TILL;
import static org.omnitill.hub.jooq.Tables.Z_CLOSE;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The tills' shift closes and Z closes, kept in their own tables for central reporting. A
 * {@code shift-close} or {@code z-close} document whose figures are missing or do not fit is
 * rejected like any malformed document; other document types have no cash record.
 */
final class CashRecords {

    static final String SHIFT_CLOSE_TYPE = "shift-close";
    static final String Z_CLOSE_TYPE = "z-close";

    /** What a document adds, or why it cannot: at most one of the three is set. */
    record Parsed(ShiftClose shift, ZClose z, String problem) {
        static final Parsed NONE = new Parsed(null, null, null);
    }

    record ShiftClose(String drawer, String staffName, Instant openedAt, Instant closedAt, BigDecimal openingFloat,
                      BigDecimal expected, BigDecimal counted, BigDecimal variance, String varianceReason, String approvedBy) {
    }

    record ZClose(long number, Instant closedAt, String staffName, long sales, long refunds, BigDecimal periodTotal,
                  BigDecimal grandTotal, BigDecimal cashExpected, BigDecimal cashCounted, long unsent) {
    }

    private CashRecords() {
    }

    static Parsed parse(String type, JsonNode body) {
        try {
            if (SHIFT_CLOSE_TYPE.equals(type)) {
                return new Parsed(new ShiftClose(text(body, "drawer", 32), text(body.path("staff"), "name", 100),
                        optionalInstant(body, "openedAt"), instant(body, "at"), money(body, "float", false),
                        money(body, "expected", true), money(body, "counted", false), money(body, "variance", true),
                        optionalText(body, "varianceReason", 200), optionalText(body, "approvedBy", 100)), null, null);
            }
            if (Z_CLOSE_TYPE.equals(type)) {
                return new Parsed(null, new ZClose(count(body, "z", 1), instant(body, "at"), text(body.path("staff"), "name", 100),
                        count(body, "sales", 0), count(body, "refunds", 0), money(body, "periodTotal", true),
                        money(body, "grandTotal", true), money(body, "cashExpected", true), money(body, "cashCounted", false),
                        count(body, "unsentDocuments", 0)), null);
            }
            return Parsed.NONE;
        } catch (IllegalArgumentException e) {
            return new Parsed(null, null, "the " + type + " document " + e.getMessage());
        }
    }

    static void record(DSLContext tx, String documentId, TillPrincipal till, Parsed parsed) {
        if (parsed.shift() != null) {
            ShiftClose s = parsed.shift();
            tx.insertInto(SHIFT_CLOSE)
                    .set(SHIFT_CLOSE.DOCUMENT_ID, documentId)
                    .set(SHIFT_CLOSE.TILL_ID, till.tillId())
                    .set(SHIFT_CLOSE.STORE_ID, till.storeId())
                    .set(SHIFT_CLOSE.DRAWER, s.drawer())
                    .set(SHIFT_CLOSE.STAFF_NAME, s.staffName())
                    .set(SHIFT_CLOSE.OPENED_AT, utc(s.openedAt()))
                    .set(SHIFT_CLOSE.CLOSED_AT, utc(s.closedAt()))
                    .set(SHIFT_CLOSE.OPENING_FLOAT, s.openingFloat())
                    .set(SHIFT_CLOSE.EXPECTED, s.expected())
                    .set(SHIFT_CLOSE.COUNTED, s.counted())
                    .set(SHIFT_CLOSE.VARIANCE, s.variance())
                    .set(SHIFT_CLOSE.VARIANCE_REASON, s.varianceReason())
                    .set(SHIFT_CLOSE.APPROVED_BY, s.approvedBy())
                    .execute();
        }
        if (parsed.z() != null) {
            ZClose z = parsed.z();
            tx.insertInto(Z_CLOSE)
                    .set(Z_CLOSE.DOCUMENT_ID, documentId)
                    .set(Z_CLOSE.TILL_ID, till.tillId())
                    .set(Z_CLOSE.STORE_ID, till.storeId())
                    .set(Z_CLOSE.Z_NUMBER, z.number())
                    .set(Z_CLOSE.CLOSED_AT, utc(z.closedAt()))
                    .set(Z_CLOSE.STAFF_NAME, z.staffName())
                    .set(Z_CLOSE.SALES, z.sales())
                    .set(Z_CLOSE.REFUNDS, z.refunds())
                    .set(Z_CLOSE.PERIOD_TOTAL, z.periodTotal())
                    .set(Z_CLOSE.GRAND_TOTAL, z.grandTotal())
                    .set(Z_CLOSE.CASH_EXPECTED, z.cashExpected())
                    .set(Z_CLOSE.CASH_COUNTED, z.cashCounted())
                    .set(Z_CLOSE.UNSENT_DOCUMENTS, z.unsent())
                    .execute();
        }
    }

    /** The Z closes of a store's tills between two moments, oldest first, for the admin API. */
    static List<Map<String, Object>> zCloses(DSLContext dsl, String storeCode, Instant from, Instant to) {
        return dsl.select(TILL.CODE, Z_CLOSE.Z_NUMBER, Z_CLOSE.CLOSED_AT, Z_CLOSE.STAFF_NAME, Z_CLOSE.SALES, Z_CLOSE.REFUNDS,
                        Z_CLOSE.PERIOD_TOTAL, Z_CLOSE.GRAND_TOTAL, Z_CLOSE.CASH_EXPECTED, Z_CLOSE.CASH_COUNTED,
                        Z_CLOSE.UNSENT_DOCUMENTS)
                .from(Z_CLOSE)
                .join(TILL).on(TILL.ID.eq(Z_CLOSE.TILL_ID))
                .join(STORE).on(STORE.ID.eq(Z_CLOSE.STORE_ID))
                .where(STORE.CODE.eq(storeCode), Z_CLOSE.CLOSED_AT.ge(utc(from)), Z_CLOSE.CLOSED_AT.lt(utc(to)))
                .orderBy(Z_CLOSE.CLOSED_AT, TILL.CODE)
                .fetch(r -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("till", r.value1());
                    row.put("z", r.value2());
                    row.put("closedAt", r.value3().toInstant().toString());
                    row.put("closedBy", r.value4());
                    row.put("sales", r.value5());
                    row.put("refunds", r.value6());
                    row.put("periodTotal", r.value7().stripTrailingZeros().toPlainString());
                    row.put("grandTotal", r.value8().stripTrailingZeros().toPlainString());
                    row.put("cashExpected", r.value9().stripTrailingZeros().toPlainString());
                    row.put("cashCounted", r.value10().stripTrailingZeros().toPlainString());
                    row.put("unsentDocuments", r.value11());
                    return row;
                });
    }

    private static String text(JsonNode node, String field, int max) {
        String value = node.path(field).asText(null);
        if (value == null || value.isBlank() || !Limits.text(value, max)) {
            throw new IllegalArgumentException("needs " + field + " (1 to " + max + " characters)");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field, int max) {
        return node.hasNonNull(field) ? text(node, field, max) : null;
    }

    private static Instant instant(JsonNode node, String field) {
        try {
            Instant at = Instant.parse(node.path(field).asText(""));
            if (!Limits.instant(at)) {
                throw new IllegalArgumentException(field + " is out of range");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("needs " + field + " as an ISO-8601 moment");
        }
    }

    private static Instant optionalInstant(JsonNode node, String field) {
        return node.hasNonNull(field) ? instant(node, field) : null;
    }

    /** An amount as a string, fitting DECIMAL(19, 4); negative only where {@code signed}. */
    private static BigDecimal money(JsonNode node, String field, boolean signed) {
        String text = node.path(field).asText(null);
        try {
            BigDecimal value = new BigDecimal(text);
            if (!Limits.money(value.abs()) || (!signed && value.signum() < 0)) {
                throw new IllegalArgumentException(field + " " + text + " does not fit an amount");
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("needs " + field + " as an amount");
        }
    }

    private static long count(JsonNode node, String field, long min) {
        JsonNode value = node.path(field);
        if (!value.canConvertToLong() || value.asLong() < min) {
            throw new IllegalArgumentException("needs " + field + " as a whole number from " + min);
        }
        return value.asLong();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
