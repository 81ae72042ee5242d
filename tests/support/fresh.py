"""`sitrep.run` in a fresh Python process, to see which heavy modules a run imports (a module
imported by an earlier test in the same process would hide it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support.cli import SRC

_CODE = (
    "import json, sys; sys.path.insert(0, sys.argv[1]); import sitrep; "
    "args = json.loads(sys.argv[2]); sitrep.run(args.pop('inputs'), **args); "
    "print(json.dumps(sorted(m for m in args_modules if m in sys.modules)))"
)


def modules_after_run(inputs: list[Path], out: Path, modules: tuple[str, ...], **run_kwargs) -> list[str]:
    """Which of ``modules`` a fresh process has imported after ``sitrep.run(inputs, out=out,
    report=False, **run_kwargs)`` (keyword values must be JSON: give paths as strings)."""
    args = {"inputs": [str(p) for p in inputs], "out": str(out), "report": False, **run_kwargs}
    code = _CODE.replace("args_modules", repr(tuple(modules)))
    proc = subprocess.run(
        [sys.executable, "-c", code, SRC, json.dumps(args)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])
