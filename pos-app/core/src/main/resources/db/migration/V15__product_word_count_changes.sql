-- Changes to product_word_count are appended here by the transaction that changes the words, and
-- folded into product_word_count when the till opens. Updating the count rows themselves made every
-- two catalog writes that share a common word ("g", "500") wait for each other (a long import
-- against the hub's price updates), with deadlocks possible; appending never waits. Search adds
-- both tables (ADR 0021).
CREATE TABLE product_word_count_change (
    word    VARCHAR(64) NOT NULL,
    change  BIGINT      NOT NULL
);
CREATE INDEX product_word_count_change_word_idx ON product_word_count_change (word);
