"""The command line (``koordinator``): the entry point and its sub-commands."""

from app.cli.cli import main

__all__ = ["main"]
