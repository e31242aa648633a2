"""Domain exceptions. Library code raises these; only the CLI and API translate them."""

from __future__ import annotations


class FlankwatchError(Exception):
    """Base of every error flankwatch raises on purpose."""


class InputError(FlankwatchError):
    """One input (file, URL, corpus line) cannot be used. The batch goes on."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class DataFileError(FlankwatchError):
    """A packaged or user data file (lexicon, gazetteer, rules) is invalid."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(FlankwatchError):
    """The store cannot be opened, migrated or written."""


class UsageError(FlankwatchError):
    """The user asked for something that cannot be done as asked (exit code 2)."""
