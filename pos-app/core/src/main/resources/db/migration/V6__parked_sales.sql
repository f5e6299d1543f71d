-- Sales put aside at the counter (the customer forgot something) and recalled later, also after a
-- restart. Not journal documents: a parked sale has no effect until it is recalled and completed.
CREATE TABLE parked_sale (
    id          UUID         NOT NULL PRIMARY KEY,
    parked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    staff_id    BIGINT       NOT NULL,
    staff_name  VARCHAR(100) NOT NULL,
    label       VARCHAR(100) NOT NULL,
    item_count  INT          NOT NULL,
    total       DECIMAL(19, 4) NOT NULL,
    body        CLOB         NOT NULL
);
