"""Errors a user can see, each with a plain sentence. The CLI turns them into exit codes."""


class SitrepError(Exception):
    """Base class: the message is shown to the user as it is."""

    exit_code = 1


class StoreBusy(SitrepError):
    """Another run holds the store."""

    exit_code = 3


class StoreUnavailable(SitrepError):
    """The store cannot be opened or written (read-only or full disk, not a DuckDB file...)."""

    exit_code = 4


class NothingUsable(SitrepError):
    """No input could be read."""

    exit_code = 2


class BadArguments(SitrepError):
    exit_code = 2


class StoreDamaged(StoreUnavailable):
    """The file is not a sitrep store, is of a newer sitrep, or has been damaged."""
