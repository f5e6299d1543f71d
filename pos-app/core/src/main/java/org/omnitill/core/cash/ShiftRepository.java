package org.omnitill.core.cash;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.omnitill.core.money.Money;

/** Shifts, cash movements and Z closes as the local store keeps them. */
public interface ShiftRepository {

    /** The open shift of a drawer; taken with a row lock when {@code forUpdate}. */
    Optional<Shift> openShift(String drawer);

    List<Shift> openShifts();

    Optional<Shift> find(UUID shiftId);

    void insert(Shift shift, Map<String, Object> floatCount);

    void close(UUID shiftId, Instant closedAt, long closedById, String closedByName, Money expected, Money counted,
               Map<String, Object> closeCount, String varianceReason, String approvedBy, long closeSequence);

    void addMovement(CashMovement movement, long journalSequence);

    List<CashMovement> movements(UUID shiftId);

    /** Cash the shift's sales put into the drawer: cash taken less change, less cash refunds. */
    BigDecimal netCashFromSales(UUID shiftId);

    /** The Z counter: last number, the journal sequence it closed at and the grand total; locked when asked. */
    record ZHead(long lastNumber, long lastSequence, BigDecimal grandTotal) {
    }

    ZHead zHead(boolean forUpdate);

    void recordZ(long number, Instant closedAt, String closedByName, long fromSequence, long toSequence,
                 BigDecimal periodTotal, BigDecimal grandTotal, long journalSequence);

    /** Marks the closed shifts not yet in a Z as part of Z {@code number}. */
    void assignToZ(long number);

    /** A recorded Z close. */
    record ZClose(long number, Instant closedAt, String closedByName, long fromSequence, long toSequence,
                  BigDecimal periodTotal, BigDecimal grandTotal) {
    }

    List<ZClose> zClosesBetween(Instant from, Instant to);

    Optional<ZClose> zClose(long number);
}
