package org.omnitill.hub;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential: {@code perSecond} requests a second on average, bursts up to
 * {@code burst}. Per hub process; behind a load balancer each instance limits on its own.
 */
final class RateLimiter {

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Whether {@code key} may make a request now (and counts it if so). */
    boolean tryAcquire(String key, long nowNanos) {
        if (buckets.size() > 100_000) {
            // an attacker cycling keys must not grow memory without bound: forget the ones idle for a minute
            buckets.values().removeIf(b -> nowNanos - b.last > 60_000_000_000L);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            double elapsed = (nowNanos - bucket.last) / 1e9;
            bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
            bucket.last = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }
}
