package org.omnitill.core.sync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.omnitill.core.catalog.TaxRate;
import org.omnitill.core.store.TillStore;
import org.omnitill.sync.client.HubClient;
import org.omnitill.sync.client.HubRefusedException;
import org.omnitill.sync.client.HubUnavailableException;
import org.omnitill.sync.protocol.EnrolResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the till in step with its hub in the background: pushes the outbox, then pulls the change
 * feed, every few seconds while online and with growing pauses (up to a minute) while the hub is
 * unreachable. Nothing at the counter waits for it; a completed sale only {@link #wake()}s it.
 */
public final class SyncService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    /** How the service paces itself and talks to the hub. */
    public record Options(Duration interval, Duration timeout, int batchSize, int pageSize) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(5), Duration.ofSeconds(10), 200, 1_000);
    }

    private final TillStore store;
    private final String tillCode;
    private volatile String hubUrl;
    private final Options options;
    private final Clock clock;
    private final Consumer<List<TaxRate>> taxRatesChanged;
    private final OutboxRelay relay;
    private final ChangePuller puller;
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService executor;
    private volatile SyncStatus status;
    private ScheduledFuture<?> next;
    private Duration backoff = Duration.ofSeconds(1);
    private Instant lastSync;
    private volatile boolean closed;
    private volatile boolean started;
    // a wake that came while a round was running: the round then starts the next one at once
    private volatile boolean wakeRequested;

    /**
     * @param tillCode        this till's code in its settings (its receipts and journal documents carry it)
     * @param hubUrl          the hub in the settings, or null when none is configured
     * @param taxRatesChanged told (on the sync thread) when the hub sent tax rates
     */
    public SyncService(TillStore store, String tillCode, String hubUrl, Options options, Clock clock,
                       Consumer<List<TaxRate>> taxRatesChanged) {
        this.store = Objects.requireNonNull(store, "store");
        this.tillCode = Objects.requireNonNull(tillCode, "tillCode");
        this.hubUrl = normalise(hubUrl);
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.taxRatesChanged = Objects.requireNonNull(taxRatesChanged, "taxRatesChanged");
        this.relay = new OutboxRelay(store, options.batchSize());
        this.puller = new ChangePuller(store, options.pageSize(), clock);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hub-sync");
            thread.setDaemon(true);
            return thread;
        });
        this.status = initialStatus();
    }

    /** Starts syncing in the background (does nothing when no hub is configured). */
    public void start() {
        started = true;
        if (hubUrl != null) {
            schedule(Duration.ZERO);
        }
    }

    /**
     * Points the service at another hub (or none): the settings changed. An enrolment with another
     * hub does not carry over; the status says the till is not enrolled until it is.
     */
    public void configure(String newHubUrl) {
        hubUrl = normalise(newHubUrl);
        publish(initialStatus());
        wake();
    }

    public Optional<String> hubUrl() {
        return Optional.ofNullable(hubUrl);
    }

    private static String normalise(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Syncs as soon as possible, e.g. right after a sale completed (once {@link #start()}ed). */
    public void wake() {
        if (started && hubUrl != null && !closed) {
            wakeRequested = true;
            schedule(Duration.ZERO);
        }
    }

    public SyncStatus status() {
        return status;
    }

    /** Called with every new status, on the sync thread; hand it to the UI thread yourself. */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
        listener.accept(status);
    }

    /**
     * Enrols this till with the hub in the settings using the one-time code an admin gave. Runs on
     * the caller's thread (call it off the UI thread); then syncing starts.
     */
    public HubEnrolment enrol(String code) throws HubUnavailableException, HubRefusedException {
        String url = hubUrl;
        if (url == null) {
            throw new IllegalStateException("set the hub address in the settings before enrolling");
        }
        EnrolResponse response = client(url).enrol(code == null ? "" : code.strip());
        if (!response.tillCode().equals(tillCode)) {
            // the hub checks that each document comes from the till the credential belongs to
            throw new HubRefusedException(409, "the hub created this code for till " + response.storeCode() + "/"
                    + response.tillCode() + ", but this till is " + tillCode + " in its settings; ask for a code for till "
                    + tillCode + " (the used code is spent)");
        }
        HubEnrolment enrolment = new HubEnrolment(url, response.tillId(), response.storeCode(), response.tillCode(),
                response.token(), clock.instant());
        store.transactionVoid(session -> session.sync().saveEnrolment(enrolment));
        LOG.info("enrolled with the hub: {}", enrolment);
        backoff = Duration.ofSeconds(1);
        publish(new SyncStatus(SyncStatus.State.OFFLINE, waiting(), refused(), lastSync, null));
        wake();
        return enrolment;
    }

    /** One round: push then pull. Public for tests and the command line; the service calls it itself. */
    public synchronized SyncStatus syncOnce() {
        String url = hubUrl;
        if (url == null) {
            return publish(initialStatus());
        }
        Optional<HubEnrolment> enrolment = store.session().sync().enrolment().filter(e -> e.hubUrl().equals(url));
        if (enrolment.isEmpty()) {
            return publish(new SyncStatus(SyncStatus.State.NOT_ENROLLED, waiting(), refused(), lastSync, null));
        }
        HubClient client;
        try {
            client = client(url);
        } catch (IllegalArgumentException e) {
            return publish(new SyncStatus(SyncStatus.State.OFFLINE, waiting(), refused(), lastSync, e.getMessage()));
        }
        applyDuePrices();
        String token = enrolment.get().token();
        try {
            int sent = relay.drain(client, token);
            ChangePuller.Pulled pulled = puller.pull(client, token);
            if (sent > 0 || pulled.changes() > 0) {
                LOG.info("hub sync: {} document(s) sent, {} change(s) applied in {} page(s)", sent, pulled.changes(), pulled.pages());
            }
            if (!pulled.newTaxRates().isEmpty()) {
                taxRatesChanged.accept(pulled.newTaxRates());
            }
            lastSync = clock.instant();
            backoff = Duration.ofSeconds(1);
            return publish(new SyncStatus(SyncStatus.State.ONLINE, waiting(), refused(), lastSync, null));
        } catch (HubUnavailableException e) {
            LOG.debug("hub sync failed: {}", e.getMessage());
            return publish(new SyncStatus(SyncStatus.State.OFFLINE, waiting(), refused(), lastSync, e.getMessage()));
        } catch (HubRefusedException e) {
            LOG.warn("hub sync refused: {}", e.getMessage());
            SyncStatus.State state = e.credentialRejected() ? SyncStatus.State.CREDENTIAL_REJECTED : SyncStatus.State.OFFLINE;
            return publish(new SyncStatus(state, waiting(), refused(), lastSync, e.getMessage()));
        } catch (RuntimeException e) {
            if (closed) {
                LOG.debug("hub sync stopped by closing the till: {}", e.toString());
                return status;
            }
            LOG.error("hub sync failed unexpectedly", e);
            return publish(new SyncStatus(SyncStatus.State.OFFLINE, waiting(), refused(), lastSync,
                    "sync failed: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * Price-book entries whose moment has come apply now, with or without the hub: a price change
     * scheduled for Monday 08:00 happens then even if the network is down.
     */
    void applyDuePrices() {
        Instant now = clock.instant();
        try {
            store.transactionVoid(session -> {
                Instant checked = session.sync().pricesCheckedAt();
                List<String> due = session.sync().skusWithEntriesBetween(checked, now);
                session.sync().refreshPrices(due, now);
                session.sync().savePricesCheckedAt(now);
                if (!due.isEmpty()) {
                    LOG.info("price book: {} product price(s) came into force", due.size());
                }
            });
        } catch (RuntimeException e) {
            LOG.error("price book entries due by {} could not be applied", now, e);
        }
    }

    private void round() {
        if (closed) {
            return;
        }
        synchronized (this) {
            next = null; // this round is running: the next one is for the end of it to schedule
        }
        wakeRequested = false;
        SyncStatus result = syncOnce();
        Duration delay;
        if (result.state() == SyncStatus.State.ONLINE) {
            delay = options.interval();
        } else if (result.state() == SyncStatus.State.NOT_ENROLLED || result.state() == SyncStatus.State.CREDENTIAL_REJECTED) {
            delay = MAX_BACKOFF;
        } else {
            delay = backoff;
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
            // spread the retries of many tills after a hub outage
            delay = delay.plusMillis(ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1));
        }
        if (wakeRequested) {
            delay = Duration.ZERO; // a sale completed (or the hub came back) while this round ran
        }
        schedule(delay);
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null && !next.isDone()) {
            if (next.getDelay(TimeUnit.MILLISECONDS) <= delay.toMillis()) {
                return;
            }
            next.cancel(false);
        }
        next = executor.schedule(this::round, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private HubClient client(String url) {
        return new HubClient(URI.create(url), options.timeout());
    }

    private SyncStatus initialStatus() {
        if (hubUrl == null) {
            return new SyncStatus(SyncStatus.State.NOT_CONFIGURED, waiting(), refused(), null, null);
        }
        boolean enrolled = store.session().sync().enrolment().filter(e -> e.hubUrl().equals(hubUrl)).isPresent();
        return new SyncStatus(enrolled ? SyncStatus.State.OFFLINE : SyncStatus.State.NOT_ENROLLED, waiting(), refused(), null, null);
    }

    private long waiting() {
        return store.session().sync().waitingCount();
    }

    private long refused() {
        return store.session().sync().rejectedCount();
    }

    private SyncStatus publish(SyncStatus newStatus) {
        status = newStatus;
        for (Consumer<SyncStatus> listener : listeners) {
            try {
                listener.accept(newStatus);
            } catch (RuntimeException e) {
                LOG.warn("a sync status listener failed", e);
            }
        }
        return newStatus;
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
