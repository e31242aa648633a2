"""The store: a DuckDB file holding documents, mentions, events, indicator points,
assessments and rejections. The only module that imports duckdb or writes SQL."""

from flankwatch.store.store import TABLES, Store

__all__ = ["TABLES", "Store"]
