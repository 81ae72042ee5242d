"""Export: incidents, articles and reuse edges into the contract's files.

Every exporter has the same face: records in, one file out. Modules: ``table`` (CSV and
parquet rows, the contract's ACLED/UCDP columns), ``geojson``, ``jsonfiles`` (incidents, articles,
reuse, rejected), ``files`` (``write_outputs``, atomic writes).

    >>> write_outputs(out_dir, RunOutputs(incidents, articles, lineage, edges, rejected))
"""

from sitrep.export.files import write_outputs  # noqa: F401
