"""Schema migrations as SQL files, `NNNN_name.sql`, applied in name order by `flankwatch.store.migrate`."""
