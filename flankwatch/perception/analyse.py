"""`analyse`: a folder (or list) of official documents in, a PerceptionResult out.

Steps: 1. list the files and read the sidecar, if any; 2. tell each file's
metadata, rejecting those that have none; 3. analyse each document (decode,
words, language, mentions, topics, counts); 4. set aside duplicates and
translations so that the aggregates count each text once; 5. aggregate per
country, year, type and period. Reads files, writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from flankwatch.errors import UsageError
from flankwatch.perception import aggregate
from flankwatch.perception.dedup import set_aside
from flankwatch.perception.document import DocumentAnalysis, FormIndex, analyse_document
from flankwatch.perception.lexicon import LANGUAGES, Target, load_targets, resolve_targets
from flankwatch.perception.metadata import describe, find_sidecar, read_sidecar
from flankwatch.perception.morph import MORPH_LANGUAGES, morphology_available
from flankwatch.perception.records import PREFERENCES, PerceptionResult, PerceptionSettings, TargetInfo
from flankwatch.records import Rejection

Progress = Callable[[int, int, str], None]  # (done, total, file name being read)
SUFFIXES = (".txt",)


def analyse(
    source: str | Path | Iterable[str | Path],
    targets: Iterable[str] = ("belarus",),
    *,
    settings: PerceptionSettings | None = None,
    sidecar: Path | None = None,
    targets_dir: Path | None = None,
    progress: Progress | None = None,
) -> PerceptionResult:
    """Count, place and classify the mentions of `targets` in official documents.

    `source` is a folder (its *.txt files, and its metadata.csv/.yaml if there
    is one) or a list of files. `targets` are ids or aliases of the target
    files (belarus, russia, nato, china, ukraine, ...). Files that cannot be
    used become rejections in the result; nothing raises for one bad file.
    """
    settings = settings or PerceptionSettings()
    _check(settings)
    catalogue = load_targets(targets_dir)
    chosen = resolve_targets(tuple(targets), catalogue)
    files, sidecar_path = _collect(source, sidecar)
    table = read_sidecar(sidecar_path) if sidecar_path else {}
    forms = FormIndex(catalogue)
    analyses: list[DocumentAnalysis] = []
    rejections: list[Rejection] = []
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), path.name)
        meta, rejection, notes = describe(path, table)
        if meta is None:
            rejections.append(rejection or Rejection(str(path), "no metadata", stage="perception"))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            rejections.append(
                Rejection(str(path), f"cannot be read: {exc.strerror or exc}", stage="perception")
            )
            continue
        analyses.append(analyse_document(meta, data, forms, chosen, settings, notes))
    if progress:
        progress(len(files), len(files), "")
    return _result(
        str(source) if isinstance(source, (str, Path)) else "files", chosen, settings, analyses, rejections
    )


def _check(settings: PerceptionSettings) -> None:
    if settings.prefer not in PREFERENCES:
        raise UsageError(f"prefer={settings.prefer!r} is not one of {', '.join(PREFERENCES)}")
    if settings.window < 1 or settings.context_chars < 0:
        raise UsageError("window must be at least 1 word and context at least 0 characters")
    if not 0 < settings.duplicate_threshold <= 1:
        raise UsageError("duplicate_threshold must be above 0 and at most 1")


def _collect(
    source: str | Path | Iterable[str | Path], sidecar: Path | None
) -> tuple[list[Path], Path | None]:
    if isinstance(source, (str, Path)):
        folder = Path(source)
        if folder.is_dir():
            files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
            return files, sidecar or find_sidecar(folder)
        if folder.is_file():
            return [folder], sidecar
        raise UsageError(f"{folder}: no such file or folder")
    return sorted(Path(p) for p in source), sidecar


def _result(
    source: str,
    chosen: tuple[Target, ...],
    settings: PerceptionSettings,
    analyses: list[DocumentAnalysis],
    rejections: list[Rejection],
) -> PerceptionResult:
    documents = set_aside(analyses, settings)
    counts = tuple(c for a in analyses for c in a.counts)
    mentions = tuple(m for a in analyses for m in a.mentions)
    used = {lang for d in documents for lang in d.languages}
    return PerceptionResult(
        source=source,
        targets=tuple(TargetInfo(t.id, t.label, t.version, t.origin, _forms(t)) for t in chosen),
        settings=settings,
        documents=documents,
        counts=counts,
        mentions=mentions,
        groups=aggregate.groups(documents, counts),
        first=aggregate.first_appearances(documents, counts),
        growth=aggregate.growth(documents, counts, settings.breakpoints),
        topics=aggregate.topic_counts(documents, mentions),
        rejections=tuple(rejections),
        morphology={lang: morphology_available(lang) for lang in MORPH_LANGUAGES if lang in used},
    )


def _forms(target: Target) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(Counter(p.language for p in target.patterns).items()))


__all__ = ["LANGUAGES", "Progress", "analyse"]
