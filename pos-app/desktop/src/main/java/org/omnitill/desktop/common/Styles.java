package org.omnitill.desktop.common;

import javafx.css.PseudoClass;

/** Style classes and pseudo-classes of the till's stylesheet ({@code theme/omnitill.css}), named once. */
public final class Styles {

    public static final String LOGIN = "login";
    public static final String SELL = "sell";
    public static final String STAFF_BUTTON = "staff-button";
    public static final String KEYPAD = "keypad";
    public static final String KEY = "key";
    public static final String PIN_FIELD = "pin-field";
    public static final String SCAN_FIELD = "scan-field";
    public static final String CART = "cart";
    public static final String TOTALS = "totals";
    public static final String TOTAL_AMOUNT = "total-amount";
    public static final String MESSAGE = "message";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String HEADER = "header";
    public static final String HINT = "hint";
    public static final String ACTION = "action";
    public static final String NUMERIC = "numeric";
    public static final String CHANGE = "change-due";
    public static final String CUSTOMER_DISPLAY = "customer-display";
    public static final String QUICK_KEY = "quick-key";

    /** A status item whose device or service is not reachable. */
    public static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    /** A status item whose device or service works. */
    public static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
    /** A message that reports a problem rather than news. */
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** The till runs on demo data. */
    public static final PseudoClass DEMO = PseudoClass.getPseudoClass("demo");

    private Styles() {
    }
}
