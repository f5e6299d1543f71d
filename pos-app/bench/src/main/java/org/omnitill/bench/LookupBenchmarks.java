package org.omnitill.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.omnitill.core.catalog.Product;
import org.omnitill.core.catalog.ProductSearch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the cashier waits for while ringing up: a scanned barcode found in the catalog, and the
 * first 20 products whose name matches what was typed. One thread, as at a till; sample time, so
 * JMH reports percentiles. The fork runs with the heap the till is meant to fit in (256 MB).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
@Threads(1)
public class LookupBenchmarks {

    /** Random barcodes and typed queries, drawn once per run with fixed seeds. */
    @State(Scope.Thread)
    public static class Inputs {
        List<String> barcodes;
        List<String> queries;
        int nextBarcode;
        int nextQuery;

        @Setup(Level.Trial)
        public void draw(TillState state) {
            barcodes = BenchFixture.randomBarcodes(state.products, 8_192, 42);
            queries = BenchFixture.randomQueries(state.till, state.products, 2_048, 43);
        }

        String barcode() {
            String barcode = barcodes.get(nextBarcode);
            nextBarcode = (nextBarcode + 1) % barcodes.size();
            return barcode;
        }

        String query() {
            String query = queries.get(nextQuery);
            nextQuery = (nextQuery + 1) % queries.size();
            return query;
        }
    }

    /** A scan: {@code CatalogRepository.findByBarcode} of a random existing EAN-13. */
    @Benchmark
    public Optional<Product> barcodeLookup(TillState state, Inputs inputs) {
        return state.till.store().session().catalog().findByBarcode(inputs.barcode());
    }

    /** Search as you type: the first 20 matches of a 3-5 letter prefix of one or two words. */
    @Benchmark
    public List<ProductSearch.Hit> nameSearchFirst20(TillState state, Inputs inputs) {
        return state.till.store().session().search().search(inputs.query(), 20);
    }
}
