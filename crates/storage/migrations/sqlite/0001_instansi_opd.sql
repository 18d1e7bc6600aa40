-- Instansi (a ministry, agency or regional government) and its OPD tree.
-- Every instansi-owned table carries instansi_id first in its keys, so a
-- national deployment can distribute by it (stack.md §1.7).
CREATE TABLE instansi (
    id INTEGER PRIMARY KEY,
    kode TEXT NOT NULL UNIQUE,
    nama TEXT NOT NULL
) STRICT;

CREATE TABLE opd (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    id INTEGER NOT NULL,
    kode TEXT NOT NULL,
    nama TEXT NOT NULL,
    induk_id INTEGER,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kode),
    FOREIGN KEY (instansi_id, induk_id) REFERENCES opd (instansi_id, id)
) STRICT;
