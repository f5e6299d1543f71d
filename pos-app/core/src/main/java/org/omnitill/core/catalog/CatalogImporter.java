package org.omnitill.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.omnitill.core.config.TillSettings;
import org.omnitill.core.store.TillStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a catalog file ({@link CatalogCsv} format) into the local store, all or nothing.
 *
 * <p>Into an empty catalog (the first import) the file is read twice: once to check every row,
 * writing nothing, and, only if all rows are good, once more to write them through a
 * {@link CatalogLoad}, which commits in slices of {@value #SLICE_SIZE} products and leaves the
 * catalog marked unfinished until the last one, so a crash never leaves a half catalog behind (the
 * next open removes it). If the file changed in between and the second reading finds a bad row,
 * the load is undone.
 *
 * <p>Into a catalog that has products the file is streamed once: rows are checked as they are read
 * and the valid ones written in batches of {@value #BATCH_SIZE} through
 * {@link CatalogRepository#upsertAll}, all inside one transaction. If any row is bad the
 * transaction is rolled back.
 *
 * <p>Either way, if any row is bad nothing is imported and the result lists every bad row with its
 * line and reason. Memory does not grow with the file except for what {@link CatalogCsv} keeps to
 * find duplicate SKUs and barcodes (and its list of errors).
 *
 * <p>The file must be UTF-8 (a byte order mark is allowed). Bytes that are not UTF-8 stop the
 * import with the line they are on; they are never silently replaced.
 */
public final class CatalogImporter {

    /** Rows per batched write. */
    public static final int BATCH_SIZE = 2_000;

    /** Products per committed slice of a load into an empty catalog. */
    public static final int SLICE_SIZE = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(CatalogImporter.class);

    private final TillStore store;
    private final CatalogCsv format;
    private final int batchSize;
    private final int sliceSize;

    /**
     * @param store      the local store to import into; it must already know the tax codes
     * @param taxCodes   the tax codes products may use
     * @param priceScale the most decimals a price may have (the currency's minor unit)
     */
    public CatalogImporter(TillStore store, Set<String> taxCodes, int priceScale) {
        this(store, taxCodes, priceScale, BATCH_SIZE);
    }

    /** An importer for a till with these settings: their tax codes and currency. */
    public CatalogImporter(TillStore store, TillSettings settings) {
        this(store, settings.taxRates().stream().map(TaxRate::code).collect(Collectors.toSet()),
                settings.currencyUnit().getDefaultFractionDigits());
    }

    CatalogImporter(TillStore store, Set<String> taxCodes, int priceScale, int batchSize) {
        this(store, taxCodes, priceScale, batchSize, SLICE_SIZE);
    }

    CatalogImporter(TillStore store, Set<String> taxCodes, int priceScale, int batchSize, int sliceSize) {
        if (batchSize < 1 || sliceSize < 1) {
            throw new IllegalArgumentException("batchSize and sliceSize must be positive");
        }
        this.store = Objects.requireNonNull(store, "store");
        this.format = new CatalogCsv(taxCodes, priceScale);
        this.batchSize = batchSize;
        this.sliceSize = sliceSize;
    }

    /**
     * Imports {@code csv}. Problems with the file (it cannot be opened, is not UTF-8, has bad rows)
     * come back in the result, with nothing imported; only a failure of the store itself throws.
     */
    public ImportResult importFile(Path csv, ImportProgress progress) {
        Objects.requireNonNull(csv, "csv");
        Objects.requireNonNull(progress, "progress");
        if (Files.isDirectory(csv)) {
            return ImportResult.rejected(new CatalogProblem(0, csv + " is a directory, not a CSV file"));
        }
        try {
            ImportResult result = store.session().catalog().isEmpty() ? loadFresh(csv, progress) : upsert(csv, progress);
            LOG.info("catalog import of {}: {} row(s), {} imported, {} error(s), {} warning(s)", csv, result.rows(),
                    result.imported(), result.errors().size(), result.warnings().size());
            return result;
        } catch (NoSuchFileException e) {
            return ImportResult.rejected(new CatalogProblem(0, "cannot open " + csv + ": there is no such file"));
        } catch (AccessDeniedException e) {
            return ImportResult.rejected(new CatalogProblem(0, "cannot open " + csv + ": permission denied"));
        } catch (IOException e) {
            return ImportResult.rejected(new CatalogProblem(0, "cannot read " + csv + ": " + e.getMessage()));
        }
    }

    /** Into an empty catalog: check the whole file first, then write it in committed slices. */
    private ImportResult loadFresh(Path csv, ImportProgress progress) throws IOException {
        CatalogCsv.Result checked;
        try {
            checked = read(csv, row -> { });
        } catch (NotUtf8Exception e) {
            return ImportResult.rejected(new CatalogProblem(e.line, e.getMessage()));
        }
        if (!checked.isClean()) {
            progress.update(ImportProgress.Phase.ROLLING_BACK, 0, 0);
            return new ImportResult(checked.rows(), 0, checked.errors(), checked.warnings());
        }
        Optional<CatalogLoad> started = store.freshCatalogLoad(sliceSize);
        if (started.isEmpty()) {
            return upsert(csv, progress); // products arrived meanwhile: update them instead
        }
        try (CatalogLoad load = started.get()) {
            long[] read = {0};
            CatalogCsv.Result result;
            try {
                result = read(csv, row -> {
                    load.add(row);
                    if (++read[0] % sliceSize == 0) {
                        progress.update(ImportProgress.Phase.READING, read[0], load.written());
                    }
                });
            } catch (NotUtf8Exception e) {
                progress.update(ImportProgress.Phase.ROLLING_BACK, read[0], load.written());
                return ImportResult.rejected(new CatalogProblem(e.line, e.getMessage()));
            }
            if (!result.isClean()) { // the file changed since it was checked
                progress.update(ImportProgress.Phase.ROLLING_BACK, read[0], load.written());
                return new ImportResult(result.rows(), 0, result.errors(), result.warnings());
            }
            progress.update(ImportProgress.Phase.COMMITTING, read[0], load.written());
            load.finish();
            progress.update(ImportProgress.Phase.DONE, read[0], load.written());
            return new ImportResult(result.rows(), load.written(), List.of(), result.warnings());
        }
    }

    private CatalogCsv.Result read(Path csv, Consumer<CatalogRow> rows) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return format.read(new BufferedReader(new StrictUtf8Reader(in), 1 << 16), rows);
        }
    }

    /** Into a catalog that has products: upsert the rows in one transaction, rolled back on any bad row. */
    private ImportResult upsert(Path csv, ImportProgress progress) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return upsertFrom(in, progress);
        }
    }

    private ImportResult upsertFrom(InputStream in, ImportProgress progress) throws IOException {
        BufferedReader reader = new BufferedReader(new StrictUtf8Reader(in), 1 << 16);
        Batches batches = new Batches(progress);
        CatalogCsv.Result read;
        try {
            read = store.bulkTransaction(session -> {
                batches.catalog = session.catalog();
                CatalogCsv.Result result;
                try {
                    result = format.read(reader, batches::add);
                } catch (IOException e) {
                    progress.update(ImportProgress.Phase.ROLLING_BACK, batches.read, batches.written);
                    throw new UncheckedIOException(e);
                }
                if (!result.isClean()) {
                    progress.update(ImportProgress.Phase.ROLLING_BACK, batches.read, batches.written);
                    throw new Rejected(result);
                }
                batches.flush();
                progress.update(ImportProgress.Phase.COMMITTING, batches.read, batches.written);
                return result;
            });
        } catch (Rejected e) {
            return new ImportResult(e.result.rows(), 0, e.result.errors(), e.result.warnings());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NotUtf8Exception notUtf8) {
                return ImportResult.rejected(new CatalogProblem(notUtf8.line, notUtf8.getMessage()));
            }
            throw e.getCause();
        }
        progress.update(ImportProgress.Phase.DONE, batches.read, batches.written);
        return new ImportResult(read.rows(), batches.written, List.of(), read.warnings());
    }

    /** Collects valid rows and writes them a batch at a time. */
    private final class Batches {
        private final ImportProgress progress;
        private final List<CatalogRow> pending = new ArrayList<>(batchSize);
        private CatalogRepository catalog;
        private long read;
        private long written;

        Batches(ImportProgress progress) {
            this.progress = progress;
        }

        void add(CatalogRow row) {
            read++;
            pending.add(row);
            if (pending.size() == batchSize) {
                flush();
                progress.update(ImportProgress.Phase.READING, read, written);
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                catalog.upsertAll(pending);
                written += pending.size();
                pending.clear();
            }
        }
    }

    /** Thrown inside the transaction to roll it back when the file has errors. */
    private static final class Rejected extends RuntimeException {
        private final transient CatalogCsv.Result result;

        Rejected(CatalogCsv.Result result) {
            super("the catalog file has " + result.errors().size() + " error(s)", null, false, false);
            this.result = result;
        }
    }

    /** Bytes that are not UTF-8, found on a given line. */
    private static final class NotUtf8Exception extends IOException {
        private final int line;

        NotUtf8Exception(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Decodes UTF-8 strictly: malformed bytes are an error naming the line they are on, where an
     * {@code InputStreamReader} would quietly turn them into U+FFFD.
     */
    static final class StrictUtf8Reader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
        private long bytesBefore; // bytes consumed before the start of the buffer
        private int newlines; // line feeds among the characters returned so far
        private boolean endOfInput;
        private boolean finished;

        StrictUtf8Reader(InputStream in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (finished) {
                return -1;
            }
            CharBuffer out = CharBuffer.wrap(buffer, offset, length);
            while (true) {
                CoderResult result = decoder.decode(bytes, out, endOfInput);
                if (result.isError()) {
                    throw notUtf8(result, buffer, offset, out.position() - offset);
                }
                if (result.isOverflow() || out.position() > offset) {
                    break;
                }
                if (endOfInput) {
                    decoder.flush(out);
                    finished = true;
                    break;
                }
                fill();
            }
            int count = out.position() - offset;
            newlines += lineFeeds(buffer, offset, count);
            return count == 0 && finished ? -1 : count;
        }

        private void fill() throws IOException {
            bytesBefore += bytes.position();
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        private NotUtf8Exception notUtf8(CoderResult result, char[] buffer, int offset, int decoded) {
            int line = newlines + lineFeeds(buffer, offset, decoded) + 1;
            StringBuilder bad = new StringBuilder();
            for (int i = 0; i < result.length() && bytes.position() + i < bytes.limit(); i++) {
                bad.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
            }
            return new NotUtf8Exception(line, "the file is not UTF-8: byte(s) " + bad + " at byte offset "
                    + (bytesBefore + bytes.position()) + " are not valid UTF-8; save the file as UTF-8 (CSV UTF-8) "
                    + "and import it again");
        }

        private static int lineFeeds(char[] buffer, int offset, int count) {
            int n = 0;
            for (int i = offset; i < offset + count; i++) {
                if (buffer[i] == '\n') {
                    n++;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
