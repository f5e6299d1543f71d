package org.omnitill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.core.catalog.Gtin;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * Keeps the benchmarks runnable without timing anything: the generator writes a valid catalog,
 * and every benchmark method runs once, in this JVM, against a small generated catalog.
 */
class BenchmarksSanityTest {

    @Test
    void generatorWritesValidUniqueProducts() throws Exception {
        StringWriter csv = new StringWriter();
        CatalogGenerator.write(csv, 5_000, CatalogGenerator.DEFAULT_SEED);
        BufferedReader lines = new BufferedReader(new StringReader(csv.toString()));
        assertThat(lines.readLine()).isEqualTo(CatalogGenerator.HEADER);
        Set<String> barcodes = new HashSet<>();
        Set<String> skus = new HashSet<>();
        Set<String> categories = new HashSet<>();
        int rows = 0;
        int byWeight = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            rows++;
            String[] fields = line.split(",");
            assertThat(fields).hasSize(7);
            assertThat(skus.add(fields[0])).isTrue();
            assertThat(fields[1].split(" ").length).isGreaterThanOrEqualTo(3);
            for (String barcode : fields[2].split("\\|")) {
                assertThat(barcode).hasSize(13);
                assertThat(Gtin.isValid(barcode)).as(barcode).isTrue();
                assertThat(barcodes.add(barcode)).as(barcode).isTrue();
            }
            assertThat(fields[4]).isIn("STD", "RED");
            categories.add(fields[5]);
            if (fields[6].equals("kg")) {
                byWeight++;
            }
        }
        assertThat(rows).isEqualTo(5_000);
        assertThat(categories).hasSize(10);
        assertThat(byWeight).isBetween(50, 300);
        assertThat(CatalogGenerator.barcode(0)).isEqualTo(csv.toString().split("\n")[1].split(",")[2].split("\\|")[0]);
    }

    @Test
    void everyBenchmarkRunsOnce(@TempDir Path dir) throws Exception {
        System.setProperty(BenchFixture.DIR_PROPERTY, dir.toString());
        try {
            Options options = new OptionsBuilder()
                    .include(LookupBenchmarks.class.getName())
                    .include(SaleBenchmarks.class.getName())
                    .param("products", "3000")
                    .mode(Mode.SingleShotTime)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementBatchSize(1)
                    .forks(0)
                    .verbosity(VerboseMode.SILENT)
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            List<String> ran = results.stream().map(r -> r.getParams().getBenchmark()).toList();
            assertThat(ran).hasSize(5);
            assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getSampleCount()).isEqualTo(1));
        } finally {
            System.clearProperty(BenchFixture.DIR_PROPERTY);
        }
    }
}
