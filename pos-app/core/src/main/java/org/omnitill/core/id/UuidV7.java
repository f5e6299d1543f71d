package org.omnitill.core.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Time-ordered ids (UUID version 7, RFC 9562 section 5.7): 48 bits of Unix time in milliseconds,
 * then 74 random bits, so ids made later sort later and an index keyed by them grows at its end
 * instead of taking each new key at a random place. See docs/decisions/0013-time-ordered-document-ids.md.
 *
 * <p>Monotonic within one generator (RFC 9562 section 6.2, method 2): an id made in the same
 * millisecond as the one before it, or while the clock has gone back, is the one before it plus
 * one in its random bits, so each id is greater than the last even when the clock stands still or
 * steps back. If those 74 bits ever ran out the id moves on to the next millisecond. Thread-safe.
 */
public final class UuidV7 {

    private static final long VERSION = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long RAND_A_MASK = 0x0FFFL; // 12 bits after the version
    private static final long RAND_B_MASK = 0x3FFF_FFFF_FFFF_FFFFL; // 62 bits after the variant
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long lastRandA;
    private long lastRandB;

    /**
     * @param clock  the time the ids carry
     * @param random source of the random bits; ids are not secrets, but unguessable ones cost nothing
     */
    public UuidV7(Clock clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Ids on this clock with random bits from a {@link SecureRandom}. */
    public UuidV7(Clock clock) {
        this(clock, new SecureRandom());
    }

    /** The next id: greater than every id this generator made before. */
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis < 0 || millis > MAX_MILLIS) {
            throw new IllegalStateException("the clock is outside the range of a UUIDv7 timestamp: " + millis);
        }
        if (millis > lastMillis) {
            lastMillis = millis;
            lastRandA = random.nextLong() & RAND_A_MASK;
            lastRandB = random.nextLong() & RAND_B_MASK;
        } else if (lastRandB < RAND_B_MASK) {
            lastRandB++;
        } else if (lastRandA < RAND_A_MASK) {
            lastRandA++;
            lastRandB = 0;
        } else { // 2^74 ids in one millisecond: borrow the next one
            lastMillis++;
            lastRandA = 0;
            lastRandB = 0;
        }
        return of(lastMillis, lastRandA, lastRandB);
    }

    static UUID of(long millis, long randA, long randB) {
        return new UUID(millis << 16 | VERSION | randA, VARIANT | randB);
    }

    /** The Unix time in milliseconds that a version 7 id carries. */
    public static long millisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is not a version 7 UUID");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
