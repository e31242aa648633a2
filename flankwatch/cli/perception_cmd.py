"""Placeholder until the command lands; replaced by its owner."""

import typer


def register(app: typer.Typer) -> None:
    return None
