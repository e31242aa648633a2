"""When a mention happened, and which day it counts for in weekly work.

Fusion, indicators, assessment and the digest must agree on these two
questions, so they are answered once, here, at the lowest of those stages.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from flankwatch.records import Document, Mention

# A report without a date in its text usually tells of the days just before it
# was published; fusion lets such a mention overlap that short window.
PUBLICATION_SLACK_DAYS = 3

# Ranges longer than a week ("in April", "since 2021") are aggregates: they
# count for the week in which they were reported, not the week they began.
_SHORT_RANGE_DAYS = 7


def published(mention: Mention, documents: Mapping[str, Document] | None) -> date | None:
    """The publication date of the mention's document, when known."""
    doc = documents.get(mention.doc) if documents else None
    return doc.published if doc else None


def mention_interval(
    mention: Mention, documents: Mapping[str, Document] | None = None
) -> tuple[date, date] | None:
    """The days a mention may refer to: its text dates, else the days before publication.

    None when neither the text nor the document gives a date.
    """
    if mention.date_start is not None:
        end = mention.date_end or mention.date_start
        return (mention.date_start, max(end, mention.date_start))
    day = published(mention, documents)
    if day is None:
        return None
    return (day - timedelta(days=PUBLICATION_SLACK_DAYS), day)


def placement_day(mention: Mention, documents: Mapping[str, Document] | None = None) -> date | None:
    """The day a mention counts for when work is done week by week.

    1. What did not occur (planned, threatened, claimed, hypothetical) counts
       when it was said: the publication date, since "what to watch" lists what
       was found this week, whatever its target date.
    2. An occurred mention without a text date counts at publication.
    3. An occurred mention of up to a week counts at its first day.
    4. A longer range counts when it was reported, clipped into the range.
    """
    day = published(mention, documents)
    if mention.modality != "occurred":
        return day or mention.date_start
    if mention.date_start is None:
        return day
    start = mention.date_start
    end = max(mention.date_end or start, start)
    if (end - start).days < _SHORT_RANGE_DAYS:
        return start
    if day is None:
        return end
    return min(max(day, start), end)
