"""Files out: the weekly digests, the index page, and `run`, the whole job that writes them."""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path

from flankwatch.config import Config, load_config
from flankwatch.errors import UsageError
from flankwatch.fuse import Sources
from flankwatch.pipeline.analysis import analyse
from flankwatch.pipeline.documents import extract_pending, ingest
from flankwatch.pipeline.stages import DigestFiles, Progress, ProgressFn, RunSummary, Stages
from flankwatch.records import Assessment, Mention
from flankwatch.store import Store
from flankwatch.weeks import parse_week

# Mentions of this many weeks before a digest's week go with it, for "compared with the weeks before".
DIGEST_LOOKBACK_WEEKS = 12


def digest(store: Store, week: str, out_dir: str | Path, *, stages: Stages | None = None) -> DigestFiles:
    """Write the digest of an ISO week as `<out>/<week>.md` and `.html` (each written whole, then renamed)."""
    monday, sunday = parse_week(week)
    assessments = store.assessments(week)
    if not assessments:
        raise UsageError(_no_assessment(store, week))
    window_start = monday - timedelta(weeks=DIGEST_LOOKBACK_WEEKS)
    mentions = _digest_mentions(store, window_start, sunday)
    events = store.fused_events(mentions=[m.id for m in mentions])
    documents = store.documents({m.doc for m in mentions} | {s.doc for e in events for s in e.sources})
    sources = Sources.build(documents, pairs=store.fusion.near_duplicates())
    rendered = (stages or Stages.default()).render_digest(
        week, assessments, mentions, documents, events, sources=sources
    )
    out = Path(out_dir)
    files = DigestFiles(week, out / f"{week}.md", out / f"{week}.html")
    write_atomically(files.markdown, rendered.markdown)
    write_atomically(files.html, rendered.html)
    return files


def _digest_mentions(store: Store, start: date, end: date) -> list[Mention]:
    # Filed in the window by their own date, or published in it (plans and claims count when said).
    by_date = store.mentions(start=start, end=end)
    by_publication = store.mentions(published_start=start, published_end=end)
    unique = {m.id: m for m in [*by_date, *by_publication]}
    return sorted(unique.values(), key=lambda m: (m.date_start or date.min, m.doc, m.evidence.start, m.id))


def _no_assessment(store: Store, week: str) -> str:
    weeks = store.assessed_weeks()
    if not weeks:
        return f"no assessments in {store.path} yet; ingest documents first (flankwatch ingest PATH)"
    return f"no assessment for {week} in {store.path}; it covers {weeks[0]} to {weeks[-1]}"


def run(
    store: Store,
    targets: Iterable[str],
    out_dir: str | Path,
    *,
    published: date | None = None,
    progress: ProgressFn | None = None,
    stages: Stages | None = None,
    config: Config | None = None,
) -> RunSummary:
    """Ingest, extract, analyse, then write a digest for every assessed week and an index page."""
    stages = stages or Stages.default()
    config = config or load_config()
    ingested = ingest(store, targets, published=published, progress=progress, config=config)
    extracted = extract_pending(store, progress, extractor=stages.extractor(), batch_size=config.batch_size)
    analysis = analyse(store, progress, stages=stages)
    weeks = store.assessed_weeks()
    digests = []
    for number, week in enumerate(weeks, 1):
        digests.append(digest(store, week, out_dir, stages=stages))
        if progress:
            progress(Progress("digest", number, len(weeks), week))
    index = write_index(store, digests, out_dir) if digests else None
    return RunSummary(ingested, extracted, analysis, tuple(digests), index, store.path)


def write_index(store: Store, digests: Sequence[DigestFiles], out_dir: str | Path) -> Path:
    """`<out>/index.html`: every week with its highest level, where it was reached, and what escalated."""
    by_week: dict[str, list[Assessment]] = {}
    for assessment in store.assessments():
        by_week.setdefault(assessment.week, []).append(assessment)
    rows = [_index_row(files, by_week.get(files.week, [])) for files in digests]
    page = _INDEX_PAGE.format(rows="\n".join(rows))
    path = Path(out_dir) / "index.html"
    write_atomically(path, page)
    return path


def _index_row(files: DigestFiles, assessments: Sequence[Assessment]) -> str:
    overall = [a for a in assessments if a.domain == "security"] or list(assessments)
    top = max((a.level for a in overall), default=0)
    where = ", ".join(sorted(a.theatre for a in overall if a.level == top and top > 0)) or "—"
    moved = [f"{a.theatre} {_ARROWS[a.verdict]}" for a in overall if a.verdict != "unchanged"]
    e = html.escape
    return (
        f'<tr class="level-{top}"><td><a href="{e(files.html.name)}">{e(files.week)}</a></td>'
        f"<td>{top}</td><td>{e(where)}</td><td>{e(', '.join(sorted(moved)) or 'unchanged')}</td>"
        f'<td><a href="{e(files.markdown.name)}">Markdown</a></td></tr>'
    )


_ARROWS = {"escalated": "▲", "de-escalated": "▼", "unchanged": "="}
_INDEX_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>flankwatch: weekly digests</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
table{{border-collapse:collapse;width:100%}}
td,th{{border-bottom:1px solid #ddd;padding:.35rem .6rem;text-align:left}}
.level-2 td:nth-child(2){{background:#fff3c4}}.level-3 td:nth-child(2){{background:#ffd8a8}}
.level-4 td:nth-child(2),.level-5 td:nth-child(2){{background:#ffb3b3}}</style></head>
<body><h1>Weekly digests</h1>
<p>Highest escalation level of the week over all theatres (0 baseline … 5 armed attack), where it was
reached, and the theatres whose level moved against the weeks before.</p>
<table><thead><tr><th>Week</th><th>Level</th><th>Reached in</th><th>Moved</th><th></th></tr></thead>
<tbody>
{rows}
</tbody></table></body></html>
"""


def write_atomically(path: Path, text: str) -> None:
    """Write the whole text to `<path>.tmp`, then rename it over `path`: readers never see half a file."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}; choose another --out") from exc
