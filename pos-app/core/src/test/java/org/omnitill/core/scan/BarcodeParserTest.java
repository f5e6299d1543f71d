package org.omnitill.core.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.omnitill.core.catalog.Gtin;
import org.omnitill.core.money.Money;
import org.omnitill.core.scan.Scan.Reason;

/*
 * How the expected check digits below were worked out.
 * EAN-13: over the first 12 digits, odd positions (from the left) weigh 1, even positions 3; the
 * check digit brings the sum up to a multiple of ten. UPC-A: over 11 digits, odd positions weigh 3.
 * Price check digits: see PriceCheckDigitTest.
 */
class BarcodeParserTest {

    private final BarcodeParser parser = BarcodeParser.defaults();

    // ---------------------------------------------------------------- items

    @ParameterizedTest(name = "{0} is item {1}")
    @CsvSource({
            "4006381333931, 4006381333931",   // EAN-13, GS1's check digit example
            "036000291452, 036000291452",     // UPC-A, GS1 US example
            "96385074, 96385074",             // EAN-8
            "10614141000415, 10614141000415", // GTIN-14, GS1 example
            "8414850557430, 8414850557430",   // the demo catalog's eggs
            "04252614, 042100005264",         // UPC-E (not a valid EAN-8) -> UPC-A, see UpcETest
            "01234543, 012340000053",         // UPC-E, last data digit 4
            "01234531, 012300000451",         // UPC-E, last data digit 3
            "01234514, 012100003454",         // UPC-E, last data digit 0-2
            "19876502, 198000007652",         // UPC-E, number system 1
    })
    void readsTradeItemNumbers(String input, String gtin) {
        assertThat(parser.parse(input)).isEqualTo(new Scan.Item(gtin));
    }

    @ParameterizedTest(name = "{0} is looked up as {1}")
    @CsvSource({
            "036000291452, 036000291452|0036000291452",
            "0036000291452, 0036000291452|036000291452",
            "4006381333931, 4006381333931",
            // GTIN-14 with indicator 0 and a UPC-A inside: left zeros never change a GS1 check digit
            "00036000291452, 00036000291452|0036000291452|036000291452",
            "10614141000415, 10614141000415",
            "96385074, 96385074",
            "042100005264, 042100005264|0042100005264",
    })
    void offersTheOtherFormsOfTheSameNumber(String gtin, String keys) {
        assertThat(new Scan.Item(gtin).lookupKeys()).containsExactly(keys.split("\\|"));
    }

    @Test
    void anEightDigitCodeValidAsEan8AndUpcEIsAnEan8WithTheUpcAExpansionAsLookupKey() {
        // 01234565 as EAN-8: 0123456 weighted 3,1,3,1,3,1,3 = 0+1+6+3+12+5+18 = 45 -> check 5: valid.
        // as UPC-E: last data digit 6 -> UPC-A 0 12345 0000 6 -> 012345000065 (UpcETest): valid too.
        // (for last data digits 5-9 the two sums use the same weights, so they always agree)
        Scan scan = parser.parse("01234565");

        assertThat(scan).isEqualTo(new Scan.Item("01234565"));
        assertThat(((Scan.Item) scan).lookupKeys()).containsExactly("01234565", "012345000065", "0012345000065");
    }

    @Test
    void anEightDigitCodeValidAsEan8ButNotAsUpcEHasNoExpansion() {
        // 0123450 as EAN-8: 0+1+6+3+12+5+0 = 27 -> check 3, so 01234503 is a valid EAN-8.
        // As UPC-E (last data digit 0) it expands to 0120000345x whose check digit is 5, not 3.
        Scan scan = parser.parse("01234503");

        assertThat(scan).isEqualTo(new Scan.Item("01234503"));
        assertThat(((Scan.Item) scan).lookupKeys()).containsExactly("01234503");
    }

    // ---------------------------------------------------------------- variable measure

    @Test
    void readsAnEmbeddedPriceWithTheDefaultLayout() {
        // 20 | 12345 | 01234 | c ; odd 2+1+3+5+1+3 = 15, even (0+2+4+0+2+4) x 3 = 36, 51 -> 9
        Scan scan = parser.parse("2012345012349");

        assertThat(scan).isEqualTo(new Scan.VariableMeasure(
                "12345", VariableKind.PRICE, new BigDecimal("12.34"), "2012345012349"));
        assertThat(((Scan.VariableMeasure) scan).price(Currency.getInstance("EUR")))
                .isEqualTo(Money.of("12.34", "EUR"));
    }

    @Test
    void readsPrefix02WithTheDefaultLayout() {
        // 02 | 00077 | 00250 | c ; odd 0+0+0+7+0+5 = 12, even (2+0+7+0+2+0) x 3 = 33, 45 -> 5
        assertThat(parser.parse("0200077002505")).isEqualTo(new Scan.VariableMeasure(
                "00077", VariableKind.PRICE, new BigDecimal("2.50"), "0200077002505"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2} of item {3}")
    @CsvSource({
            // 21 | 00042 | 01234 | c ; odd 2+0+0+2+1+3 = 8, even (1+0+4+0+2+4) x 3 = 33, 41 -> 9
            "2100042012349, WEIGHT, 1.234, 00042",
            // 23 | 00012 | 01999 | c ; odd 2+0+0+2+1+9 = 14, even (3+0+1+0+9+9) x 3 = 66, 80 -> 0
            "2300012019990, PRICE, 19.99, 00012",
    })
    void appliesTheRuleOfEachPrefix(String code, VariableKind kind, String value, String itemCode) {
        BarcodeParser weightAndPrice = new BarcodeParser(List.of(
                VariableMeasureRule.of(VariableMeasureLayout.weight(), "21", "22"),
                VariableMeasureRule.of(VariableMeasureLayout.price(), "23", "24")), ScanPrefixes.defaults());

        assertThat(weightAndPrice.parse(code))
                .isEqualTo(new Scan.VariableMeasure(itemCode, kind, new BigDecimal(value), code));
    }

    @Test
    void aRestrictedPrefixWithoutARuleIsAnOrdinaryItem() {
        BarcodeParser only21 = new BarcodeParser(
                List.of(VariableMeasureRule.of(VariableMeasureLayout.weight(), "21")), ScanPrefixes.defaults());

        assertThat(only21.parse("2012345012349")).isEqualTo(new Scan.Item("2012345012349"));
    }

    @Test
    void verifiesAFiveDigitPriceCheckDigit() {
        BarcodeParser parser28 = new BarcodeParser(
                List.of(VariableMeasureRule.of(VariableMeasureLayout.priceWithCheckDigit(), "28")),
                ScanPrefixes.defaults());

        // 28 | 1234 | 6 | 14685 | c   (price check digit of 14685 is 6, the GS1 example)
        //   odd 2+1+3+6+4+8 = 24, even (8+2+4+1+6+5) x 3 = 78, 102 -> 8
        assertThat(parser28.parse("2812346146858")).isEqualTo(new Scan.VariableMeasure(
                "1234", VariableKind.PRICE, new BigDecimal("146.85"), "2812346146858"));
        // 28 | 1234 | 0 | 14685 | c   (price check digit 0 instead of 6, EAN check digit right)
        //   odd 2+1+3+0+4+8 = 18, even 78, 96 -> 4
        assertThat(parser28.parse("2812340146854"))
                .isEqualTo(new Scan.Rejected("2812340146854", Reason.BAD_PRICE_CHECK_DIGIT));
    }

    @Test
    void verifiesAWeightCheckDigit() {
        BarcodeParser parser29 = new BarcodeParser(
                List.of(VariableMeasureRule.of(VariableMeasureLayout.weightWithCheckDigit(), "29")),
                ScanPrefixes.defaults());

        // 29 | 0042 | 1 | 01234 | c   (check digit of 01234 is 1, see PriceCheckDigitTest)
        //   odd 2+0+4+1+1+3 = 11, even (9+0+2+0+2+4) x 3 = 51, 62 -> 8
        assertThat(parser29.parse("2900421012348")).isEqualTo(new Scan.VariableMeasure(
                "0042", VariableKind.WEIGHT, new BigDecimal("1.234"), "2900421012348"));
    }

    @Test
    void readsUpcANumberSystem2WithAFourDigitPriceCheckDigitAsPrefix02() {
        // US layout in EAN-13 positions: 0 | 2 | item 3-7 | price check digit 8 | price 9-12 | c
        VariableMeasureLayout us = new VariableMeasureLayout(3, 7, 9, 12, 8, VariableKind.PRICE, 2);
        BarcodeParser usParser = new BarcodeParser(List.of(VariableMeasureRule.of(us, "02")), ScanPrefixes.defaults());

        // UPC-A 2 | 12345 | 9 | 2875 | c   (price check digit of 2875 is 9, the GS1 example)
        //   odd (2+2+4+9+8+5) x 3 = 90, even 1+3+5+2+7 = 18, 108 -> 2
        assertThat(usParser.parse("212345928752")).isEqualTo(new Scan.VariableMeasure(
                "12345", VariableKind.PRICE, new BigDecimal("28.75"), "212345928752"));
        // the same label as EAN-13
        assertThat(usParser.parse("0212345928752")).isEqualTo(new Scan.VariableMeasure(
                "12345", VariableKind.PRICE, new BigDecimal("28.75"), "0212345928752"));
        // UPC-A 2 | 12345 | 0 | 2875 | c : odd (2+2+4+0+8+5) x 3 = 63, even 18, 81 -> 9
        assertThat(usParser.parse("212345028759"))
                .isEqualTo(new Scan.Rejected("212345028759", Reason.BAD_PRICE_CHECK_DIGIT));
    }

    @Test
    void theEanCheckDigitIsVerifiedBeforeThePriceCheckDigit() {
        BarcodeParser parser28 = new BarcodeParser(
                List.of(VariableMeasureRule.of(VariableMeasureLayout.priceWithCheckDigit(), "28")),
                ScanPrefixes.defaults());

        // price check digit wrong (0) and EAN check digit wrong (8, 4 is right)
        assertThat(parser28.parse("2812340146858"))
                .isEqualTo(new Scan.Rejected("2812340146858", Reason.BAD_CHECK_DIGIT));
    }

    @Test
    void aWeightHasNoPrice() {
        Scan.VariableMeasure weight = new Scan.VariableMeasure("00042", VariableKind.WEIGHT, new BigDecimal("1.234"), "x");

        assertThatThrownBy(() -> weight.price(Currency.getInstance("EUR"))).isInstanceOf(IllegalStateException.class);
    }

    // ---------------------------------------------------------------- store codes

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = ';', value = {
            "LOY123456;    LOYALTY; 123456",
            "loy123456;    LOYALTY; 123456",
            "LOYALTY;      LOYALTY; ALTY",  // the prefix is all it takes
            "CPNSUMMER25;  COUPON;  SUMMER25",
            "CPN10-OFF;    COUPON;  10-OFF",
            "R-T01-000123; RECEIPT; T01-000123",
            "r-T01-000123; RECEIPT; T01-000123",
            "PU-A7K2-19;   PICKUP;  A7K2-19",
    })
    void recognisesTheStoresOwnCodes(String input, String kind, String rest) {
        Scan expected = switch (kind) {
            case "LOYALTY" -> new Scan.Loyalty(rest);
            case "COUPON" -> new Scan.Coupon(rest);
            case "RECEIPT" -> new Scan.Receipt(rest);
            default -> new Scan.PickupOrder(rest);
        };

        assertThat(parser.parse(input)).isEqualTo(expected);
    }

    @Test
    void aReceiptKnowsItsTillAndSequence() {
        Scan.Receipt receipt = (Scan.Receipt) parser.parse("R-T01-000123");

        assertThat(receipt.tillCode()).isEqualTo("T01");
        assertThat(receipt.sequence()).isEqualTo(123L);
    }

    @Test
    void customPrefixesMatchLongestFirst() {
        BarcodeParser custom = new BarcodeParser(List.of(), new ScanPrefixes("CARD:", "C", "RCPT", "P"));

        assertThat(custom.parse("CARD:42")).isEqualTo(new Scan.Loyalty("42"));
        assertThat(custom.parse("CXMAS")).isEqualTo(new Scan.Coupon("XMAS"));
        assertThat(custom.parse("RCPTT02-7")).isEqualTo(new Scan.Receipt("T02-7"));
        assertThat(custom.parse("P991")).isEqualTo(new Scan.PickupOrder("991"));
    }

    // ---------------------------------------------------------------- trimming

    @ParameterizedTest(name = "[{index}] trimmed")
    @ValueSource(strings = {
            "4006381333931\r\n", "4006381333931\r", "4006381333931\n", "  4006381333931  ",
            "\t4006381333931\r\n", "\u001d4006381333931\r\n"})
    void stripsWhitespaceAndTheScannersLineEnd(String input) {
        assertThat(parser.parse(input)).isEqualTo(new Scan.Item("4006381333931"));
    }

    @Test
    void stripsAroundStoreCodesAndRejectionsToo() {
        assertThat(parser.parse(" LOY123\r\n")).isEqualTo(new Scan.Loyalty("123"));
        assertThat(parser.parse(" ABC \r\n")).isEqualTo(new Scan.Rejected("ABC", Reason.NOT_DIGITS));
    }

    // ---------------------------------------------------------------- rejections

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = ';', value = {
            "'';                  EMPTY",
            "'   ';               EMPTY",
            "ABC123;              NOT_DIGITS",
            "'4006 381333931';    NOT_DIGITS",
            "4006381333931X;      NOT_DIGITS",
            "-4006381333931;      NOT_DIGITS",
            "1.234;               NOT_DIGITS",
            "HELLO;               NOT_DIGITS",
            "\u0664\u0660\u0660\u0666; NOT_DIGITS",  // Arabic-Indic digits are not barcode digits
            "123;                 WRONG_LENGTH",
            "1234567;             WRONG_LENGTH",
            "123456789;           WRONG_LENGTH",
            "40063813339;         WRONG_LENGTH",
            "400638133393100;     WRONG_LENGTH",
            "4006381333932;       BAD_CHECK_DIGIT",
            "036000291453;        BAD_CHECK_DIGIT",
            "96385075;            BAD_CHECK_DIGIT",  // not EAN-8, and number system 9 is no UPC-E
            "01234566;            BAD_CHECK_DIGIT",  // neither EAN-8 (5) nor UPC-E (5)
            "04252615;            BAD_CHECK_DIGIT",  // neither EAN-8 (0) nor UPC-E (4)
            "10614141000416;      BAD_CHECK_DIGIT",
            "2012345012348;       BAD_CHECK_DIGIT",  // variable-measure prefix, check digit 9 is right
            "LOY;                 MALFORMED",
            "LOY 123;             MALFORMED",
            "CPN-;                MALFORMED",
            "R-T01;               MALFORMED",
            "R-T01-;              MALFORMED",
            "R-T01-12A;           MALFORMED",
            "PU-;                 MALFORMED",
            "PU-AB--1;            MALFORMED",
    })
    void rejects(String input, Reason reason) {
        assertThat(parser.parse(input)).isEqualTo(new Scan.Rejected(input.strip(), reason));
    }

    @Test
    void nullAndLineEndsAloneAreEmpty() {
        assertThat(parser.parse(null)).isEqualTo(new Scan.Rejected("", Reason.EMPTY));
        assertThat(parser.parse("\r\n")).isEqualTo(new Scan.Rejected("", Reason.EMPTY));
        assertThat(parser.parse(" \t\n")).isEqualTo(new Scan.Rejected("", Reason.EMPTY));
    }

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasAMessageForTheCashier(Reason reason) {
        assertThat(reason.message()).isNotBlank().endsWith(".");
        assertThat(new Scan.Rejected("x", reason).message()).isEqualTo(reason.message());
    }

    @Test
    void everyReasonIsReachable() {
        List<Reason> seen = List.of("", "A1", "123", "4006381333932", "2812340146854", "LOY")
                .stream()
                .map(new BarcodeParser(List.of(VariableMeasureRule.of(VariableMeasureLayout.priceWithCheckDigit(), "28")),
                        ScanPrefixes.defaults())::parse)
                .map(scan -> ((Scan.Rejected) scan).reason())
                .toList();

        assertThat(seen).containsExactlyInAnyOrder(Reason.values());
    }

    // ---------------------------------------------------------------- property

    @Test
    void aCorrectCheckDigitGivesAnItemAndAnySingleDigitErrorIsRejected() {
        BarcodeParser plain = new BarcodeParser(List.of(), ScanPrefixes.defaults());
        Random random = new Random(20261122L);
        for (int run = 0; run < 1_000; run++) {
            char[] body = new char[12];
            for (int i = 0; i < body.length; i++) {
                body[i] = (char) ('0' + random.nextInt(10));
            }
            String code = new String(body) + Gtin.checkDigit(new String(body));

            assertThat(plain.parse(code)).isEqualTo(new Scan.Item(code));
            assertThat(parser.parse(code)).isInstanceOfAny(Scan.Item.class, Scan.VariableMeasure.class);

            for (int position = 0; position < code.length(); position++) {
                for (char other = '0'; other <= '9'; other++) {
                    if (other == code.charAt(position)) {
                        continue;
                    }
                    char[] wrong = code.toCharArray();
                    wrong[position] = other;
                    String mistyped = new String(wrong);
                    Scan scan = plain.parse(mistyped);
                    if (!scan.equals(new Scan.Rejected(mistyped, Reason.BAD_CHECK_DIGIT))
                            || parser.parse(mistyped) instanceof Scan.Item) {
                        throw new AssertionError(code + " mistyped as " + mistyped + " gave " + scan
                                + " / " + parser.parse(mistyped));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void aPrefixMayBeInOneRuleOnly() {
        List<VariableMeasureRule> clash = List.of(
                VariableMeasureRule.of(VariableMeasureLayout.weight(), "21", "22"),
                VariableMeasureRule.of(VariableMeasureLayout.price(), "22"));

        assertThatThrownBy(() -> new BarcodeParser(clash, ScanPrefixes.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("22");
    }

    @Test
    void theDefaultRuleCoversPrefix02And20To29AsPrices() {
        assertThat(VariableMeasureRule.defaultRule().prefixes())
                .containsExactly("02", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29");
        assertThat(VariableMeasureRule.defaultRule().layout()).isEqualTo(VariableMeasureLayout.price());
    }

    @ParameterizedTest(name = "rule prefixes {0} are refused")
    @ValueSource(strings = {"2", "213", "2A", "21,21", ""})
    void refusesBadRulePrefixes(String prefixes) {
        String[] list = prefixes.isEmpty() ? new String[0] : prefixes.split(",");

        assertThatThrownBy(() -> VariableMeasureRule.of(VariableMeasureLayout.price(), list))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "layout item {0}-{1} value {2}-{3} check {4} scale {5} is refused")
    @CsvSource({
            "2, 7, 8, 12, 0, 2",   // item code over the prefix
            "3, 7, 8, 13, 0, 2",   // value over the EAN check digit
            "3, 8, 8, 12, 0, 2",   // item code and value overlap
            "7, 3, 8, 12, 0, 2",   // backwards
            "3, 6, 8, 12, 6, 2",   // price check digit inside the item code
            "3, 5, 7, 12, 6, 2",   // price check digit over a 6-digit value
            "3, 6, 8, 12, 13, 2",  // price check digit on the EAN check digit
            "3, 7, 8, 12, 0, -1",  // negative scale
    })
    void refusesImpossibleLayouts(int itemFrom, int itemTo, int valueFrom, int valueTo, int check, int scale) {
        assertThatThrownBy(() -> new VariableMeasureLayout(
                itemFrom, itemTo, valueFrom, valueTo, check, VariableKind.PRICE, scale))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScaleCanFollowTheCurrency() {
        // 20 | 12345 | 01234 | 9 with no decimals, as for yen
        BarcodeParser yen = new BarcodeParser(
                List.of(VariableMeasureRule.of(VariableMeasureLayout.price().withScale(0), "20")), ScanPrefixes.defaults());

        Scan.VariableMeasure scan = (Scan.VariableMeasure) yen.parse("2012345012349");

        assertThat(scan.value()).isEqualTo(new BigDecimal("1234"));
        assertThat(scan.price(Currency.getInstance("JPY"))).isEqualTo(Money.of("1234", "JPY"));
    }

    @ParameterizedTest(name = "prefixes {0} are refused")
    @CsvSource(delimiter = ';', value = {
            "1LOY; CPN; R-; PU-",  // starts with a digit
            "'';   CPN; R-; PU-",  // empty
            "L Y;  CPN; R-; PU-",  // whitespace
            "LOY;  loy; R-; PU-",  // same ignoring case
    })
    void refusesUnusablePrefixes(String loyalty, String coupon, String receipt, String pickup) {
        assertThatThrownBy(() -> new ScanPrefixes(loyalty, coupon, receipt, pickup))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anItemMustHaveAValidGtin() {
        assertThatThrownBy(() -> new Scan.Item("4006381333932")).isInstanceOf(IllegalArgumentException.class);
    }
}
