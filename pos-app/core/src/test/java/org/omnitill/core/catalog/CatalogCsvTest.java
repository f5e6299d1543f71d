package org.omnitill.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {

    private final CatalogCsv csv = new CatalogCsv(Set.of("STD", "RED"), 2);
    private final List<CatalogRow> rows = new ArrayList<>();

    private CatalogCsv.Result read(String text) throws IOException {
        return csv.read(new BufferedReader(new StringReader(text)), rows::add);
    }

    @Test
    void readsValidRowsWithColumnsInAnyOrderAndQuotedNames() throws IOException {
        CatalogCsv.Result result = read("""
                name,sku,barcodes,price,tax,category,unit
                "Olive Oil, Extra Virgin 1 L",DM-1,8410000000009|4006381333931,7.95,red,Pantry,each
                Bananas,DM-2,,2.29,RED,Fruit & Vegetables,kg
                """);

        assertThat(result.errors()).isEmpty();
        assertThat(result.rows()).isEqualTo(2);
        assertThat(rows).extracting(CatalogRow::name).containsExactly("Olive Oil, Extra Virgin 1 L", "Bananas");
        assertThat(rows.get(0).barcodes()).containsExactly("8410000000009", "4006381333931");
        assertThat(rows.get(0).taxCode()).isEqualTo("RED");
        assertThat(rows.get(0).price()).isEqualByComparingTo(new BigDecimal("7.95"));
        assertThat(rows.get(1).unit()).isEqualTo(Unit.KG);
        assertThat(rows.get(1).barcodes()).isEmpty();
    }

    @Test
    void reportsEveryBadRowWithItsLineNumberAndReason() throws IOException {
        CatalogCsv.Result result = read("""
                sku,name,barcodes,price,tax,category,unit
                A1,Good,4006381333931,1.00,STD,X,each
                A2,Bad check digit,4006381333932,1.00,STD,X,each
                A3,Negative,,-1,STD,X,each
                A4,Unknown tax,,1.00,ZZZ,X,each
                A5,Bad unit,,1.00,STD,X,litre
                A1,Duplicate sku,,1.00,STD,X,each
                A6,Barcode taken,4006381333931,1.00,STD,X,each
                A7,Too precise,,1.005,STD,X,each
                A8,Words,,one euro,STD,X,each
                ,No sku,,1.00,STD,X,each
                A9,Short row
                """);

        assertThat(result.isClean()).isFalse();
        assertThat(result.errors()).extracting(CatalogProblem::line)
                .containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.errors().get(0).message()).contains("4006381333932", "check digit");
        assertThat(result.errors().get(2).message()).contains("ZZZ", "RED, STD");
        assertThat(result.errors().get(4).message()).contains("already appears on line 2");
        assertThat(result.errors().get(5).message()).contains("already belongs to line 2");
        assertThat(result.errors().get(9).message()).contains("fewer than the header");
        assertThat(rows).extracting(CatalogRow::sku).containsExactly("A1");
    }

    @Test
    void warnsAboutUnknownColumnsAndIgnoresThem() throws IOException {
        CatalogCsv.Result result = read("""
                sku,name,barcodes,price,tax,category,unit,supplier
                A1,Good,,1.00,STD,X,each,ACME
                """);

        assertThat(result.isClean()).isTrue();
        assertThat(result.warnings()).singleElement().extracting(CatalogProblem::message).asString().contains("supplier");
    }

    @Test
    void aMissingColumnFailsTheWholeFile() throws IOException {
        CatalogCsv.Result result = read("sku,name,price,tax,unit\nA1,Good,1.00,STD,each\n");

        assertThat(result.errors()).singleElement().extracting(CatalogProblem::message).asString()
                .contains("barcodes", "category");
        assertThat(rows).isEmpty();
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItStarts() throws IOException {
        CatalogCsv.Result result = read("sku,name,barcodes,price,tax,category,unit\nA1,\"Broken,,1.00,STD,X,each\n");

        assertThat(result.errors()).singleElement().extracting(CatalogProblem::line).isEqualTo(2);
    }

    @Test
    void anEmptyFileAsksForTheHeader() throws IOException {
        assertThat(read("").errors()).singleElement().extracting(CatalogProblem::message).asString().contains("header");
    }
}
