"""Ctrl-C ends a command with status 130 and the "interrupted" sentence wherever it lands,
including inside a DuckDB query, where DuckDB stops the query and raises a RuntimeError
("Query interrupted") instead of KeyboardInterrupt. The interrupt is a real SIGINT sent to this
process while a real (long) DuckDB query runs."""

from __future__ import annotations

import os
import signal
import threading

import duckdb
import pytest

from sitrep.guard import GuardedTyper

LONG_QUERY = "SELECT count(*) FROM range(10000000000) t(i) WHERE i % 7 = 3"  # ~40 s unless stopped


def _app(body) -> GuardedTyper:
    app = GuardedTyper()

    @app.command()
    def work() -> None:
        body()

    @app.command()
    def other() -> None:  # two commands, so `work` is named on the command line
        pass

    return app


def _exit(app: GuardedTyper, capsys) -> tuple[int, str]:
    """Run ``app work`` as the `sitrep` entry point does (through GuardedTyper's own call, which
    typer's CliRunner skips): its exit status and what it said on stderr."""
    with pytest.raises(SystemExit) as done:
        app(args=["work"], prog_name="sitrep")
    return done.value.code, capsys.readouterr().err


@pytest.fixture()
def ctrl_c_raises():
    """Python's own Ctrl-C handler, as in a terminal's foreground job: a test process started in
    the background by a shell without job control (a CI script's `&`) inherits Ctrl-C ignored."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def _interrupt_soon() -> threading.Timer:
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals")
def test_ctrl_c_inside_a_duckdb_query_exits_as_interrupted(capsys, ctrl_c_raises):
    def query() -> None:
        duckdb.connect().execute(LONG_QUERY).fetchall()

    timer = _interrupt_soon()
    code, said = _exit(_app(query), capsys)
    timer.cancel()
    assert code == 130, said
    assert "interrupted" in said


def test_other_runtime_errors_stay_unexpected_failures(capsys):
    def fail() -> None:
        raise RuntimeError("Query planner gave up")

    code, said = _exit(_app(fail), capsys)
    assert code == 1
    assert "unexpected failure" in said
