"""The HTML report: one self-contained page a person reads offline.

    >>> html = render_report(ReportData(...))

Interface (owned by the report stage): ``render_report(data: ReportData) -> str``.
"""

from sitrep.report.render import ReportData, render_report  # noqa: F401
