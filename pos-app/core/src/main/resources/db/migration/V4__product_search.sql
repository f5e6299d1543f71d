-- Product search as you type: every word of a product's name (lower case, accents removed) with the
-- product it belongs to, so that "cher tom" finds "La Huerta Cherry Tomatoes" through index range
-- scans, never by reading the whole catalog. Kept up to date by the catalog repository on every upsert.
CREATE TABLE product_word (
    word        VARCHAR(64) NOT NULL,
    product_id  BIGINT      NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    PRIMARY KEY (word, product_id)
);
CREATE INDEX product_word_product_idx ON product_word (product_id, word);
-- products that existed before this migration are indexed by V5 (a Java migration using ProductWords)
