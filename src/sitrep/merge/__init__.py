"""Merge and reconcile: incident mentions across articles become incidents with reconciled figures.

    >>> incidents = merge_incidents(extractions, articles, lineage, previous=store.load_incidents())

Interface (owned by the merge stage):
- ``merge_incidents(extractions: dict[str, ArticleExtraction], articles: dict[str, Article],
  lineage: dict[str, Lineage], previous: list[Incident] = ()) -> list[Incident]``: ``previous``
  lets incident ids stay stable across runs.
Sub-modules: ``views`` (what merging needs of one mention), ``cluster`` (which mentions are one
incident), ``build`` (cluster -> incident), ``reconcile`` (low/best/high per figure), ``conflicts``
(named in plain words), ``summary``, ``ids`` (keys and stable ids).
"""

from sitrep.merge.build import merge_incidents  # noqa: F401
