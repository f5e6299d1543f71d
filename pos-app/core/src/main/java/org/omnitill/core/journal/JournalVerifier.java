package org.omnitill.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a journal: numbering from 1 without gaps, each entry chained to the previous one, each
 * hash matching its body, each body naming its own sequence, id and type, and the head matching the
 * last entry (so a cut-off tail is seen too).
 */
public final class JournalVerifier {

    /** What verification found. */
    public record Report(long entries, List<String> problems) {
        public boolean isIntact() {
            return problems.isEmpty();
        }
    }

    private static final int MAX_PROBLEMS = 1000;

    private final List<String> problems = new ArrayList<>();
    private long expected = 1;
    private String previousHash = JournalEntry.GENESIS;
    private long count;

    public static Report verify(JournalRepository journal) {
        JournalVerifier verifier = new JournalVerifier();
        journal.forEach(verifier::accept);
        return verifier.finish(journal.head());
    }

    void accept(JournalEntry entry) {
        count++;
        if (entry.sequence() != expected) {
            problem(entry.sequence() > expected
                    ? "entries " + expected + " to " + (entry.sequence() - 1) + " are missing (next found: " + entry.sequence() + ")"
                    : "entry " + entry.sequence() + " is out of order after " + (expected - 1));
        }
        if (!entry.prevHash().equals(previousHash)) {
            problem("entry " + entry.sequence() + " does not chain to the entry before it (deleted, inserted or reordered)");
        }
        if (!JournalEntry.hash(entry.prevHash(), entry.body()).equals(entry.hash())) {
            problem("entry " + entry.sequence() + " was changed after it was written (its hash does not match)");
        }
        try {
            Map<String, Object> body = CanonicalJson.read(entry.body());
            if (!String.valueOf(entry.sequence()).equals(String.valueOf(body.get("sequence")))
                    || !entry.documentId().toString().equals(body.get("id"))
                    || !entry.type().equals(body.get("type"))) {
                problem("entry " + entry.sequence() + " does not match its own document (sequence, id or type changed)");
            }
        } catch (IllegalArgumentException e) {
            problem("entry " + entry.sequence() + " holds a document that is not valid JSON");
        }
        previousHash = entry.hash();
        expected = entry.sequence() + 1;
    }

    Report finish(JournalRepository.Head head) {
        long last = expected - 1;
        if (head.lastSequence() != last || !head.lastHash().equals(previousHash)) {
            problem(head.lastSequence() > last
                    ? "the journal ends at " + last + " but its head says " + head.lastSequence() + ": entries were removed from the end"
                    : "the journal head (" + head.lastSequence() + ") does not match the last entry (" + last + ")");
        }
        return new Report(count, List.copyOf(problems));
    }

    private void problem(String text) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(text);
        }
    }
}
