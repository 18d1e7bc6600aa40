-- Instansi (a ministry, agency or regional government) and its OPD tree.
-- Every instansi-owned table carries instansi_id first in its keys, so a
-- national deployment can distribute by it (stack.md §1.7).
CREATE TABLE instansi (
    id BIGINT PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL
);

CREATE TABLE opd (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    id BIGINT NOT NULL,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    induk_id BIGINT,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kode),
    FOREIGN KEY (instansi_id, induk_id) REFERENCES opd (instansi_id, id)
);
