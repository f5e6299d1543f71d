-- Promotions from the hub's change feed; the till applies those in force to its sales by itself.
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
    CONSTRAINT promotion_kind CHECK (kind IN ('PERCENT_OFF', 'MULTI_BUY'))
);
