/**
 * Reading what a scanner or a cashier delivers: {@link org.omnitill.core.scan.BarcodeParser} turns
 * one trimmed string into a {@link org.omnitill.core.scan.Scan}. Pure domain code: no I/O, no
 * JavaFX, no database.
 *
 * <h2>Rules, in the order the parser applies them</h2>
 * <ol>
 *   <li>Surrounding whitespace (spaces, tabs, the CR/LF a serial scanner appends, the ASCII
 *       separators FS/GS/RS/US) is stripped. Nothing left: {@code EMPTY}.</li>
 *   <li>Input starting with one of the configured {@link org.omnitill.core.scan.ScanPrefixes}
 *       (case-insensitive, longest prefix first) is a loyalty card, coupon, receipt or pickup
 *       order. A prefix with a missing or malformed rest is {@code MALFORMED}. Prefixes never
 *       start with a digit, so they cannot collide with barcodes.</li>
 *   <li>Anything else must be ASCII digits only ({@code NOT_DIGITS}) of length 8, 12, 13 or 14
 *       ({@code WRONG_LENGTH}).</li>
 *   <li>The GS1 check digit is always verified before anything else is read from the digits; a
 *       wrong check digit is {@code BAD_CHECK_DIGIT}, never a match.</li>
 *   <li><b>8 digits, EAN-8 or UPC-E.</b> The symbology is not in the string, and some codes are
 *       valid both ways (for UPC-E codes whose last data digit is 5-9, the UPC-E and EAN-8 check
 *       digits are computed with exactly the same weights, so they always agree). Rule: a code
 *       whose check digit is right as EAN-8 is an EAN-8 {@code Item}; its
 *       {@link org.omnitill.core.scan.Scan.Item#lookupKeys() lookupKeys} add the UPC-A expansion
 *       (and its EAN-13 form) when it is also a valid UPC-E. Otherwise a code starting with 0 or 1
 *       whose check digit verifies on the expanded UPC-A is a UPC-E and becomes an {@code Item}
 *       holding that 12-digit UPC-A. Otherwise {@code BAD_CHECK_DIGIT}.</li>
 *   <li><b>12 and 13 digits, variable measure.</b> A 12-digit UPC-A is looked at in its EAN-13
 *       form (a leading 0 added, so UPC-A number system 2 is EAN-13 prefix {@code 02}). When the
 *       first two digits of that form have a {@link org.omnitill.core.scan.VariableMeasureRule},
 *       the code is a {@code VariableMeasure}; with a price check digit in the layout, a mismatch
 *       is {@code BAD_PRICE_CHECK_DIGIT}. A restricted-circulation prefix with no rule is an
 *       ordinary {@code Item} looked up as it stands.</li>
 *   <li>Every other valid 12, 13 or 14-digit code is an {@code Item}; GTIN-14 is never read as
 *       variable measure.</li>
 * </ol>
 */
package org.omnitill.core.scan;
