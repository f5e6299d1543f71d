package org.omnitill.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstLineIndexTest {

    @Test
    void remembersTheFirstLineOfEachKey() {
        FirstLineIndex index = new FirstLineIndex();

        assertThat(index.putIfAbsent("DM-1", 2)).isZero();
        assertThat(index.putIfAbsent("DM-2", 3)).isZero();
        assertThat(index.putIfAbsent("DM-1", 9)).isEqualTo(2);
        assertThat(index.putIfAbsent("dm-1", 10)).isZero(); // keys are exact
        assertThat(index.putIfAbsent("Ñandú-€", 11)).isZero();
        assertThat(index.putIfAbsent("Ñandú-€", 12)).isEqualTo(11);
    }

    @Test
    void agreesWithAHashMapOverManyKeysThroughEveryResize() {
        FirstLineIndex index = new FirstLineIndex();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(42);
        for (int line = 1; line <= 200_000; line++) {
            String key = "SKU-" + random.nextInt(150_000);
            int first = index.putIfAbsent(key, line);
            Integer previous = expected.putIfAbsent(key, line);
            assertThat(first).isEqualTo(previous == null ? 0 : previous);
        }
        assertThat(index.size()).isEqualTo(expected.size());
    }
}
