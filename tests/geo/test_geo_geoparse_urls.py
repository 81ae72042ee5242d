"""``sitrep geoparse`` reads inputs named by URL (any fsspec filesystem) through the same reader as
``sitrep run``: the same rows as from a local folder, and a missing URL is a rejection."""

from __future__ import annotations

import fsspec
from typer.testing import CliRunner

from sitrep.cli import app


def geoparse(inputs: list[str], out, gazetteer) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["geoparse", *inputs, "--out", str(out), "--gazetteer", str(gazetteer)])
    return result.exit_code, out.read_text(encoding="utf-8") if out.exists() else "", result.output


def test_geoparse_reads_a_url_as_it_reads_a_folder(tmp_path, seeds_dir, gazetteer_file):
    fs = fsspec.filesystem("memory")
    for f in sorted((seeds_dir / "articles").iterdir()):
        fs.pipe(f"/geoparse-urls/{f.name}", f.read_bytes())

    code, local, _ = geoparse([str(seeds_dir / "articles")], tmp_path / "local.jsonl", gazetteer_file)
    assert code == 0 and local
    code, remote, _ = geoparse(["memory://geoparse-urls/"], tmp_path / "url.jsonl", gazetteer_file)
    assert code == 0
    assert remote == local  # same articles (ids from the file names), same mentions and places

    # a missing URL beside a good one: named among the rejections, the rest is read
    code, both, output = geoparse(
        ["memory://geoparse-urls/", "memory://no-such-folder/"], tmp_path / "both.jsonl", gazetteer_file
    )
    assert code == 0 and both == local
    assert "no-such-folder" in output
