-- Shift closes and Z closes from every till, for central reporting. Written from the tills'
-- shift-close and z-close documents in the push that stores them; the documents stay the record.

CREATE TABLE shift_close (
    document_id      VARCHAR(36)    NOT NULL PRIMARY KEY REFERENCES document (id),
    till_id          VARCHAR(36)    NOT NULL REFERENCES till (id),
    store_id         VARCHAR(36)    NOT NULL REFERENCES store (id),
    drawer           VARCHAR(32)    NOT NULL,
    staff_name       VARCHAR(100)   NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    opening_float    DECIMAL(19, 4) NOT NULL,
    expected         DECIMAL(19, 4) NOT NULL,
    counted          DECIMAL(19, 4) NOT NULL,
    variance         DECIMAL(19, 4) NOT NULL,
    variance_reason  VARCHAR(200),
    approved_by      VARCHAR(100)
);
CREATE INDEX shift_close_store_idx ON shift_close (store_id, closed_at);

CREATE TABLE z_close (
    document_id      VARCHAR(36)    NOT NULL PRIMARY KEY REFERENCES document (id),
    till_id          VARCHAR(36)    NOT NULL REFERENCES till (id),
    store_id         VARCHAR(36)    NOT NULL REFERENCES store (id),
    z_number         BIGINT         NOT NULL,
    closed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_name       VARCHAR(100)   NOT NULL,
    sales            BIGINT         NOT NULL,
    refunds          BIGINT         NOT NULL,
    period_total     DECIMAL(19, 4) NOT NULL,
    grand_total      DECIMAL(19, 4) NOT NULL,
    cash_expected    DECIMAL(19, 4) NOT NULL,
    cash_counted     DECIMAL(19, 4) NOT NULL,
    unsent_documents BIGINT         NOT NULL,
    CONSTRAINT z_close_till_number_unique UNIQUE (till_id, z_number)
);
CREATE INDEX z_close_store_idx ON z_close (store_id, closed_at);
