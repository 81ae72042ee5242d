"""Start-up: the command line imports no model library before a stage needs it, a run of one
article never imports spaCy's own command line (weasel, httpx...), and spaCy stays whole for a
caller that wants its command line afterwards (checked in fresh processes, by ``sys.modules``)."""

from __future__ import annotations

import json
import subprocess
import sys

from support.cli import SRC, sitrep
from support.fresh import modules_after_run

CLI_OF_SPACY = ("spacy.cli", "weasel", "httpx")
REPORT = "Three people were shot dead at a petrol station in Eastfold on Friday, police said.\n"


def fresh(code: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {SRC!r})\n{code}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return proc.stdout.strip().splitlines()[-1]


def test_importing_the_command_line_imports_no_model_library():
    heavy = ("torch", "spacy", "spacy.cli", "sentence_transformers", "transformers", "duckdb")
    code = f"import sitrep.cli, json; print(json.dumps([m for m in {heavy!r} if m in sys.modules]))"
    assert json.loads(fresh(code)) == []


def test_a_run_never_imports_spacys_command_line(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert modules_after_run([path], tmp_path / "out", CLI_OF_SPACY + ("spacy",)) == ["spacy"]
    incidents = json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    assert incidents  # the run did parse the article


def test_spacy_keeps_its_command_line_for_whoever_asks():
    code = (
        "from sitrep.models import load_spacy\n"
        "nlp = load_spacy()\n"
        "import json, spacy\n"
        "before = 'spacy.cli' in sys.modules\n"
        "version = spacy.info(silent=True)['spacy_version']\n"  # spaCy's own info, imported on call
        "import spacy.cli\n"
        "print(json.dumps([before, version == spacy.__version__, callable(spacy.cli.download)]))"
    )
    assert json.loads(fresh(code)) == [False, True, True]


def test_the_command_ends_with_its_exit_code_and_its_outputs_written(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(REPORT, encoding="utf-8")
    done = sitrep("run", tmp_path / "in", "--out", tmp_path / "out", "--db", tmp_path / "s.duckdb")
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out" / "incidents.json").read_text())["incidents"]
    assert sitrep("run", tmp_path / "missing", "--out", tmp_path / "out2").returncode == 2
