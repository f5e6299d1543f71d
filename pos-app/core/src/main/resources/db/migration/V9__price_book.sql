-- Price-book entries from the hub that concern this till's store. The price in force is worked out
-- here (also offline, when an entry's moment comes): the most specific scope first (store 3, group 2,
-- all stores 1), then the latest entry; with none in force, the product's base price.
CREATE TABLE price_entry (
    id              BIGINT         NOT NULL PRIMARY KEY,
    sku             VARCHAR(64)    NOT NULL,
    price           DECIMAL(19, 4) NOT NULL,
    effective_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    scope_rank      INT            NOT NULL,
    CONSTRAINT price_entry_scope_rank CHECK (scope_rank BETWEEN 1 AND 3)
);
CREATE INDEX price_entry_sku_idx ON price_entry (sku, effective_from);
CREATE INDEX price_entry_effective_idx ON price_entry (effective_from);

-- The catalog price without the price book, kept once a product has entries (NULL: price is the base).
ALTER TABLE product ADD COLUMN base_price DECIMAL(19, 4);

-- Up to when entries that come into force have been applied to the catalog.
ALTER TABLE sync_state ADD COLUMN prices_checked_at TIMESTAMP WITH TIME ZONE;
