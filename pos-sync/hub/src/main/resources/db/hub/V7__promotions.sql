-- Promotions, maintained through the admin API and sent to the tills of the stores they concern.
CREATE TABLE promotion (
    code            VARCHAR(32)    NOT NULL PRIMARY KEY,
    name            VARCHAR(100)   NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    percent         DECIMAL(7, 4),
    buy_quantity    INT,
    bundle_price    DECIMAL(19, 4),
    -- the SKUs it covers, separated by '|'
    skus            VARCHAR(65000) NOT NULL,
    effective_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    effective_to    TIMESTAMP WITH TIME ZONE,
    -- NULL: every store
    store_id        VARCHAR(36)    REFERENCES store (id),
    saved_by        VARCHAR(100)   NOT NULL,
    saved_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT promotion_kind CHECK (kind IN ('PERCENT_OFF', 'MULTI_BUY'))
);

-- 'promotion-removed' is longer than the 16 characters a change kind had
ALTER TABLE change_log ALTER COLUMN kind SET DATA TYPE VARCHAR(32);
