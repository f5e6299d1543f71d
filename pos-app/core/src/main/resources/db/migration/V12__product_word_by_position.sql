-- The search words, keyed by one number: product id * 256 + the word's position among the product's
-- words (a name of at most 200 characters has at most 100 distinct words). H2 keeps a table's rows in
-- the order of a single BIGINT primary key, so the rows of one product lie together without an index
-- of their own: the words of a product are the key range [id * 256, id * 256 + 255], which is what an
-- upsert deletes and what a search's further words are checked against. Only one index is left to
-- build after a first import, (word, id) for prefix scans, where there were two (ADR 0021).
--
-- The old table is kept under another name; V13 (Java) copies its words over and drops it.
ALTER TABLE product_word RENAME TO product_word_v4;

CREATE TABLE product_word (
    id    BIGINT      NOT NULL,
    word  VARCHAR(64) NOT NULL,
    CONSTRAINT product_word_key PRIMARY KEY (id)
);
CREATE INDEX product_word_word_idx ON product_word (word, id);

-- How many products have each word: search lets the rarest of a query's words drive its index scan
-- (checking "broc" against the 50,000 products of brand "vita" is what made two-word searches slow).
-- Kept by the same code that keeps product_word; filled by V13 for an existing catalog.
CREATE TABLE product_word_count (
    word      VARCHAR(64) NOT NULL,
    products  BIGINT      NOT NULL,
    CONSTRAINT product_word_count_key PRIMARY KEY (word)
);
