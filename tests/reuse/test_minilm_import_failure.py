"""An installed ONNX Runtime that fails to import stops the run instead of falling back to torch.

A Ctrl-C that lands while ONNX Runtime's extension module initialises comes out of the import as
an ImportError (pybind11 turns any error in a module's set-up into one); falling back to torch on
it let an interrupted `sitrep run --workers 2` carry on and exit 0. The failure is produced here
by blocking the import in ``sys.modules`` (a real Ctrl-C cannot be timed into an import), in a
subprocess of its own so this test process's modules are untouched."""

from __future__ import annotations

import subprocess
import sys

from sitrep.reuse.minilm_onnx import onnx_installed


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)


def test_the_runtimes_are_installed_here():
    assert onnx_installed()


def test_a_failed_import_of_an_installed_runtime_is_raised_not_replaced_by_torch():
    code = (
        "import sys\n"
        "sys.modules['onnxruntime'] = None  # the import fails as an interrupted one does\n"
        "from sitrep.reuse.minilm_onnx import load_minilm\n"
        "try:\n"
        "    runner = load_minilm('float32')\n"
        "except ImportError:\n"
        "    print('raised', 'torch' in sys.modules)\n"
        "else:\n"
        "    print('fell back to', type(runner).__name__)\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["raised", "False"]
