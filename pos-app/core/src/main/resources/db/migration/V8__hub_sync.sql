-- The till's side of sync: its enrolment with a hub, the change-feed cursor, documents the hub
-- refused, and the stock levels of every location as the hub last reported them.

-- One row once the till is enrolled. The token is the till's device credential: the hub keeps
-- only its hash, the till must keep it to authenticate. It is never logged.
CREATE TABLE sync_state (
    id           INT          NOT NULL PRIMARY KEY,
    hub_url      VARCHAR(500) NOT NULL,
    till_id      VARCHAR(36)  NOT NULL,
    store_code   VARCHAR(32)  NOT NULL,
    till_code    VARCHAR(8)   NOT NULL,
    token        VARCHAR(128) NOT NULL,
    enrolled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the change feed has been applied up to here (moved in the same transaction as each page)
    feed_cursor  BIGINT       DEFAULT 0 NOT NULL,
    CONSTRAINT sync_state_single_row CHECK (id = 1)
);

-- A document the hub refused stays in the outbox (nothing is deleted until the hub has it), with
-- the reason, and is not sent again automatically: staff see it in the status bar.
ALTER TABLE outbox ADD COLUMN rejected_reason VARCHAR(1000);
ALTER TABLE outbox ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
CREATE INDEX outbox_sequence_idx ON outbox (journal_sequence);

-- Places that hold stock, and on hand at each as the hub's ledger says (the sum of all tills'
-- sales, transfers and adjustments that reached it).
CREATE TABLE stock_location (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    store_code  VARCHAR(32)
);

CREATE TABLE stock_level (
    location  VARCHAR(32)    NOT NULL,
    sku       VARCHAR(64)    NOT NULL,
    on_hand   DECIMAL(19, 3) NOT NULL,
    PRIMARY KEY (location, sku)
);
