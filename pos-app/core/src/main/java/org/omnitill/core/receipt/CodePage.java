package org.omnitill.core.receipt;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A receipt printer's character table: which byte prints which character, and the number that
 * selects it with {@code ESC t n}. The numbers are Epson's; a printer that numbers its tables
 * differently can override them (see {@code EscPosReceiptEncoder}).
 *
 * <p>{@link #printable(String)} makes any text printable in the table: characters the table has
 * stay; others are transliterated ({@code €} to {@code EUR} where the table has no euro sign,
 * {@code →} to {@code ->}, accents dropped through {@link Normalizer}, Cyrillic spelled in Latin
 * letters); anything left (a CJK character, an emoji) becomes {@code _}. Never {@code ?}, unless the
 * text had one.
 */
public enum CodePage {
    /** The original IBM PC table: English, box drawing; no euro sign. */
    CP437(0, "IBM437"),
    /** Western European (Latin-1 letters). */
    CP850(2, "IBM850"),
    /** CP850 with the euro sign at 0xD5: Spanish, French, German, Portuguese, Italian... */
    CP858(19, "IBM00858"),
    /** Cyrillic (Russian). */
    CP866(17, "IBM866"),
    /** Windows Latin-1 with the euro sign. */
    WPC1252(16, "windows-1252");

    /** What stands for a character nothing else can spell. */
    public static final char UNPRINTABLE = '_';

    private final int escPosNumber;
    private final String charsetName;
    private volatile Map<Integer, Byte> table;

    CodePage(int escPosNumber, String charsetName) {
        this.escPosNumber = escPosNumber;
        this.charsetName = charsetName;
    }

    /** The {@code n} of {@code ESC t n} that selects this table on Epson-compatible printers. */
    public int escPosNumber() {
        return escPosNumber;
    }

    public Charset charset() {
        return Charset.forName(charsetName);
    }

    /** A code page by name: {@code CP858}, {@code cp866}, {@code 858}, {@code IBM00858}, {@code windows-1252}... */
    public static CodePage parse(String name) {
        String digits = name == null ? "" : name.strip().toUpperCase(Locale.ROOT)
                .replaceFirst("^(CP|IBM|PC|WPC|WINDOWS)[-_ ]?", "").replaceFirst("^0+", "");
        for (CodePage page : values()) {
            if (page.name().replaceAll("\\D", "").equals(digits)) {
                return page;
            }
        }
        throw new IllegalArgumentException("unknown code page '" + name + "'; known: CP437, CP850, CP858, CP866, WPC1252");
    }

    /** The usual table for receipts in a language: CP866 for Russian, else CP858 (with the euro sign). */
    public static CodePage defaultFor(Locale locale) {
        String language = locale.getLanguage();
        return "ru".equals(language) || "uk".equals(language) || "be".equals(language) ? CP866 : CP858;
    }

    /** Whether the table has this character. */
    public boolean has(int codePoint) {
        return table().containsKey(codePoint);
    }

    /**
     * The bytes of {@code text}, one per character. Every character must be in the table: pass text
     * through {@link #printable(String)} first.
     *
     * @throws IllegalArgumentException for a character the table lacks
     */
    public byte[] encode(String text) {
        Map<Integer, Byte> map = table();
        byte[] out = new byte[text.codePointCount(0, text.length())];
        int[] i = {0};
        text.codePoints().forEach(cp -> {
            Byte b = map.get(cp);
            if (b == null) {
                throw new IllegalArgumentException("code page " + name() + " has no character U+"
                        + String.format("%04X", cp));
            }
            out[i[0]++] = b;
        });
        return out;
    }

    /** {@code text} spelled with characters of this table only (controls dropped, spaces made plain). */
    public String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> appendPrintable(cp, out));
        return out.toString();
    }

    private void appendPrintable(int cp, StringBuilder out) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            out.append(' ');
            return;
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return;
        }
        if (has(cp)) {
            out.appendCodePoint(cp);
            return;
        }
        String fallback = Transliteration.of(cp);
        if (fallback != null && allPrintable(fallback)) {
            out.append(fallback);
            return;
        }
        String stripped = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "");
        if (!stripped.isEmpty() && allPrintable(stripped)) {
            out.append(stripped);
            return;
        }
        if (fallback != null) {
            // e.g. a Cyrillic letter's Latin spelling whose letters need their accents stripped
            for (int c : fallback.codePoints().toArray()) {
                appendPrintable(c, out);
            }
            return;
        }
        out.append(UNPRINTABLE);
    }

    private boolean allPrintable(String text) {
        return text.codePoints().allMatch(this::has);
    }

    private Map<Integer, Byte> table() {
        Map<Integer, Byte> map = table;
        if (map == null) {
            map = buildTable();
            table = map;
        }
        return map;
    }

    /** Decodes every byte from 0x20 to 0xFF (but DEL) to learn which character it prints. */
    private Map<Integer, Byte> buildTable() {
        CharsetDecoder decoder = charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Map<Integer, Byte> map = new HashMap<>();
        for (int b = 0x20; b <= 0xFF; b++) {
            if (b == 0x7F) {
                continue;
            }
            try {
                String decoded = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
                if (decoded.codePointCount(0, decoded.length()) == 1) {
                    int cp = decoded.codePointAt(0);
                    if (!Character.isISOControl(cp) && cp != 0xFFFD) {
                        map.putIfAbsent(cp, (byte) b);
                    }
                }
            } catch (java.nio.charset.CharacterCodingException e) {
                // an unassigned byte in this table
            }
        }
        return Map.copyOf(map);
    }

    /** Fallback spellings in plain ASCII for characters a table may lack. */
    static final class Transliteration {

        private static final Map<Integer, String> MAP = new HashMap<>();

        static {
            put("€", "EUR");
            put("£", "GBP");
            put("¥", "JPY");
            put("₽", "RUB");
            put("₹", "INR");
            put("→", "->");
            put("←", "<-");
            put("⇒", "=>");
            put("↔", "<->");
            put("‘’‚‛′`´", "'");
            put("“”„‟″«»", "\"");
            put("‐‑‒–—―−", "-");
            put("…", "...");
            put("•·∙●", "*");
            put("×", "x");
            put("÷", "/");
            put("≤", "<=");
            put("≥", ">=");
            put("≠", "!=");
            put("±", "+/-");
            put("™", "TM");
            put("©", "(C)");
            put("®", "(R)");
            put("°", "o");
            put("№", "No");
            put("½", "1/2");
            put("¼", "1/4");
            put("¾", "3/4");
            put("ß", "ss");
            put("Æ", "AE");
            put("æ", "ae");
            put("Œ", "OE");
            put("œ", "oe");
            put("Ø", "O");
            put("ø", "o");
            put("Ł", "L");
            put("ł", "l");
            put("Đ", "D");
            put("đ", "d");
            put("Ð", "D");
            put("ð", "d");
            put("Þ", "Th");
            put("þ", "th");
            put("ı", "i");
            put("¡", "!");
            put("¿", "?");
            put("ª", "a");
            put("º", "o");
            // Russian in Latin letters (simplified BGN/PCGN), for printers without a Cyrillic table
            String[][] cyrillic = {
                {"А", "A"}, {"Б", "B"}, {"В", "V"}, {"Г", "G"}, {"Д", "D"}, {"Е", "E"}, {"Ё", "E"}, {"Ж", "Zh"},
                {"З", "Z"}, {"И", "I"}, {"Й", "Y"}, {"К", "K"}, {"Л", "L"}, {"М", "M"}, {"Н", "N"}, {"О", "O"},
                {"П", "P"}, {"Р", "R"}, {"С", "S"}, {"Т", "T"}, {"У", "U"}, {"Ф", "F"}, {"Х", "Kh"}, {"Ц", "Ts"},
                {"Ч", "Ch"}, {"Ш", "Sh"}, {"Щ", "Shch"}, {"Ъ", ""}, {"Ы", "Y"}, {"Ь", ""}, {"Э", "E"}, {"Ю", "Yu"},
                {"Я", "Ya"}, {"Є", "Ye"}, {"І", "I"}, {"Ї", "Yi"}, {"Ў", "U"},
            };
            for (String[] pair : cyrillic) {
                put(pair[0], pair[1]);
                put(pair[0].toLowerCase(Locale.ROOT), pair[1].toLowerCase(Locale.ROOT));
            }
        }

        private Transliteration() {
        }

        private static void put(String characters, String spelling) {
            characters.codePoints().forEach(cp -> MAP.put(cp, spelling));
        }

        static String of(int codePoint) {
            return MAP.get(codePoint);
        }
    }
}
