-- The hub's base entities. Portable SQL: the same script runs on H2 and PostgreSQL.
CREATE TABLE store (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    currency    CHAR(3)      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE till (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    store_id    VARCHAR(36)  NOT NULL REFERENCES store (id),
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT till_code_per_store UNIQUE (store_id, code)
);
