package org.omnitill.core.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CodePageTest {

    private static int[] unsigned(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    private static int[] bytesOf(CodePage page, String text) {
        return unsigned(page.encode(page.printable(text)));
    }

    @Test
    void cp858HasTheEuroSignAndSpanishLetters() {
        assertThat(bytesOf(CodePage.CP858, "€")).containsExactly(0xD5);
        assertThat(bytesOf(CodePage.CP858, "ñ")).containsExactly(0xA4);
        assertThat(bytesOf(CodePage.CP858, "Ñ¿¡á")).containsExactly(0xA5, 0xA8, 0xAD, 0xA0);
        assertThat(bytesOf(CodePage.CP858, "3,29 €")).containsExactly('3', ',', '2', '9', ' ', 0xD5);
    }

    @Test
    void cp866HasCyrillic() {
        assertThat(bytesOf(CodePage.CP866, "АЖя")).containsExactly(0x80, 0x86, 0xEF);
        assertThat(bytesOf(CodePage.CP866, "ИТОГО")).containsExactly(0x88, 0x92, 0x8E, 0x83, 0x8E);
        assertThat(bytesOf(CodePage.CP866, "Ёё№")).containsExactly(0xF0, 0xF1, 0xFC);
    }

    @Test
    void whatATableLacksIsTransliteratedNeverAQuestionMark() {
        assertThat(CodePage.CP437.printable("3.29 €")).isEqualTo("3.29 EUR");
        assertThat(CodePage.CP866.printable("3,29 €")).isEqualTo("3,29 EUR");
        assertThat(CodePage.CP858.printable("A → B")).isEqualTo("A -> B");
        assertThat(CodePage.CP866.printable("Ñandú Café")).isEqualTo("Nandu Cafe");
        assertThat(CodePage.CP437.printable("Ærø Łódź")).isEqualTo("Æro Lódz"); // CP437 has Æ and ó
        assertThat(CodePage.CP858.printable("Щука Ёлка")).isEqualTo("Shchuka Elka");
        assertThat(CodePage.CP858.printable("“Bio” – 50 % …")).isEqualTo("\"Bio\" - 50 % ...");
        assertThat(CodePage.CP858.printable("東京 🍌")).isEqualTo("__ _");
        for (CodePage page : CodePage.values()) {
            byte[] bytes = page.encode(page.printable("→ 東京 € ñ Ж œ ™ 🍌"));
            for (byte b : bytes) {
                assertThat(b).as(page + " never prints '?' for a character it lacks").isNotEqualTo((byte) '?');
            }
        }
    }

    @Test
    void aRealQuestionMarkStays() {
        assertThat(bytesOf(CodePage.CP866, "Ok?")).containsExactly('O', 'k', '?');
    }

    @Test
    void spacesAndControlsAreTamed() {
        assertThat(CodePage.CP858.printable("6,07\u00a0€\u202fx\tz\u0007")).isEqualTo("6,07 " + "€" + " x z");
    }

    @Test
    void encodingAnUnprintableCharacterFailsLoudly() {
        assertThatThrownBy(() -> CodePage.CP437.encode("€")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+20AC");
    }

    @Test
    void codePagesByNameAndByLanguage() {
        assertThat(CodePage.parse("CP858")).isEqualTo(CodePage.CP858);
        assertThat(CodePage.parse("cp866")).isEqualTo(CodePage.CP866);
        assertThat(CodePage.parse("IBM00858")).isEqualTo(CodePage.CP858);
        assertThat(CodePage.parse("437")).isEqualTo(CodePage.CP437);
        assertThat(CodePage.parse("windows-1252")).isEqualTo(CodePage.WPC1252);
        assertThatThrownBy(() -> CodePage.parse("CP999")).hasMessageContaining("CP858");
        assertThat(CodePage.defaultFor(Locale.forLanguageTag("ru-RU"))).isEqualTo(CodePage.CP866);
        assertThat(CodePage.defaultFor(Locale.forLanguageTag("es-ES"))).isEqualTo(CodePage.CP858);
        assertThat(CodePage.CP858.escPosNumber()).isEqualTo(19);
        assertThat(CodePage.CP866.escPosNumber()).isEqualTo(17);
        assertThat(CodePage.CP437.escPosNumber()).isZero();
    }
}
