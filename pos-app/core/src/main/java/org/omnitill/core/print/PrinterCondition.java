package org.omnitill.core.print;

/**
 * What a receipt printer says about itself, as far as its link lets it say anything: ESC/POS
 * printers on serial and network links answer {@code DLE EOT}; files, device files and system
 * printers say nothing ({@link #UNKNOWN}).
 */
public enum PrinterCondition {
    /** Online and answering. */
    READY,
    /** The paper roll is nearly used up; it still prints. */
    PAPER_LOW,
    /** Out of paper: nothing prints until the roll is changed. */
    PAPER_OUT,
    /** The cover is open. */
    COVER_OPEN,
    /** Offline for another reason (the feed button held, a cutter error, overheating). */
    OFFLINE,
    /** An error the printer reports (cutter jammed, head too hot); it may clear by itself. */
    ERROR,
    /** The link is there but the printer did not answer in time: switched off, unplugged or stuck. */
    NOT_ANSWERING,
    /** The device could not be opened or went away (a USB cable pulled, a network printer gone). */
    UNREACHABLE,
    /** The link cannot tell. */
    UNKNOWN;

    /** Whether jobs can be printed in this condition (unknown counts as yes: the link cannot tell). */
    public boolean canPrint() {
        return this == READY || this == PAPER_LOW || this == UNKNOWN;
    }
}
