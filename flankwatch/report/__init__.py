"""Reports: the weekly digest as Markdown and self-contained HTML.

Public surface: `render_digest(week, assessments, mentions, documents, events) -> Digest`,
and `backtest_svg(grid) -> str`, the backtest's chart.
The digest's words are data (report/labels-<lang>.yaml); its layout is in
report/templates/.
"""

from flankwatch.report.backtest import backtest_svg
from flankwatch.report.labels import Labels, load_labels
from flankwatch.report.model import DigestView
from flankwatch.report.render import Digest, render_digest

__all__ = ["Digest", "DigestView", "Labels", "backtest_svg", "load_labels", "render_digest"]
