package org.omnitill.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    private static final Instant NOON = Instant.parse("2026-11-22T12:00:00.123Z");

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Compares as unsigned 128-bit numbers, the order of the bytes (and of H2's UUID index). */
    private static final Comparator<UUID> UNSIGNED = Comparator
            .<UUID>comparingLong(id -> id.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(id -> id.getLeastSignificantBits() ^ Long.MIN_VALUE);

    @Test
    void carriesVersionSevenTheRfcVariantAndTheClocksMilliseconds() {
        UUID id = new UuidV7(Clock.fixed(NOON, ZoneOffset.UTC)).next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UuidV7.millisOf(id)).isEqualTo(NOON.toEpochMilli());
        // the first 12 hex digits are the timestamp, as RFC 9562 lays it out
        assertThat(id.toString().replace("-", "").substring(0, 12)).isEqualTo(String.format("%012x", NOON.toEpochMilli()));
    }

    @Test
    void idsOfOneMillisecondAreStrictlyIncreasingInEveryOrder() {
        UuidV7 ids = new UuidV7(Clock.fixed(NOON, ZoneOffset.UTC), new SplittableRandom(7));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).doesNotHaveDuplicates();
        assertThat(made).isSortedAccordingTo(UNSIGNED);
        assertThat(made).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(made).isSortedAccordingTo(Comparator.comparing(UUID::toString));
        assertThat(made).allSatisfy(id -> assertThat(UuidV7.millisOf(id)).isEqualTo(NOON.toEpochMilli()));
    }

    @Test
    void aLaterMillisecondSortsAfterwardsWhateverTheRandomBits() {
        HandClock clock = new HandClock(NOON);
        RandomGenerator allOnesThenZeros = new RandomGenerator() {
            private int calls;

            @Override
            public long nextLong() {
                return calls++ < 2 ? -1L : 0L;
            }
        };
        UuidV7 ids = new UuidV7(clock, allOnesThenZeros);
        UUID highest = ids.next();
        clock.now = NOON.plusMillis(1);
        UUID lowest = ids.next();

        assertThat(UNSIGNED.compare(lowest, highest)).isPositive();
        assertThat(lowest.toString()).isGreaterThan(highest.toString());
    }

    @Test
    void aClockThatStepsBackNeverMakesAnIdSmallerThanTheLast() {
        HandClock clock = new HandClock(NOON);
        UuidV7 ids = new UuidV7(clock, new SplittableRandom(1));
        UUID before = ids.next();
        clock.now = NOON.minusSeconds(5);
        UUID during = ids.next();
        clock.now = NOON.plusMillis(2);
        UUID after = ids.next();

        assertThat(List.of(before, during, after)).isSortedAccordingTo(UNSIGNED).doesNotHaveDuplicates();
        assertThat(UuidV7.millisOf(during)).isEqualTo(NOON.toEpochMilli());
        assertThat(UuidV7.millisOf(after)).isEqualTo(NOON.toEpochMilli() + 2);
    }

    @Test
    void whenTheRandomBitsOfAMillisecondRunOutTheNextMillisecondIsBorrowed() {
        UuidV7 ids = new UuidV7(Clock.fixed(NOON, ZoneOffset.UTC), () -> -1L);
        UUID last = ids.next(); // random bits all ones: the largest id of the millisecond
        UUID next = ids.next();

        assertThat(UuidV7.millisOf(next)).isEqualTo(NOON.toEpochMilli() + 1);
        assertThat(UNSIGNED.compare(next, last)).isPositive();
        assertThat(next.version()).isEqualTo(7);
        assertThat(next.variant()).isEqualTo(2);
    }

    @Test
    void threadsSharingOneGeneratorNeverGetTheSameId() throws Exception {
        UuidV7 ids = new UuidV7(Clock.systemUTC());
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        all.add(ids.next());
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }
        assertThat(all).hasSize(20_000);
    }

    @Test
    void randomBitsDifferBetweenGenerators() {
        Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);
        Set<UUID> firsts = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firsts.add(new UuidV7(clock).next());
        }
        assertThat(firsts).hasSize(100);
    }

    @Test
    void onlyVersionSevenIdsHaveItsTimestamp() {
        assertThatThrownBy(() -> UuidV7.millisOf(UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a version 7");
    }
}
