"""One build in its output folder: reuse what the manifest says is finished, extract (and
screen) the rest, write each draft as it comes, forget the articles no longer in the input, and
merge the drafts (see :mod:`itinerary.build`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from itinerary import __version__
from itinerary.build.engine import Job, Outcome, jobs
from itinerary.build.engine import (
    dask_mapper as dask_mapper,
)  # re-exported: the build and benchmarks import it here
from itinerary.build.manifest import (
    ARTICLES,
    FAILED,
    NO_TRIP,
    OK,
    REVIEWED,
    STATS,
    DraftDigests,
    Entry,
    Manifest,
    forget_reviewed,
    read_reviewed,
    text_digest,
)
from itinerary.build.observations import FOLDER as OBSERVATIONS
from itinerary.build.observations import Observations, gc_paused
from itinerary.build.outputs import (
    TRIPS,
    Parts,
    file_digest,
    geoparquet_available,
    merged_yaml,
    reduce_key,
    remove_merged,
    set_aside,
    set_aside_edited_trips,
    up_to_date,
    write_merged,
)
from itinerary.build.screen import SCREENED, Screen
from itinerary.build.sources import DraftSettings, Item
from itinerary.build.summary import Plan, Reporter, Summary
from itinerary.errors import ItineraryError, MergeWarning, ValidationError
from itinerary.extract import Article
from itinerary.files import write_text
from itinerary.io import yaml as yaml_io
from itinerary.merge.delta import merge_delta
from itinerary.merge.split import Mapper
from itinerary.merge.stored import stop_count
from itinerary.model import Itinerary, draft_index

DRAFTS = "drafts"


class Engine(Protocol):
    """Runs the jobs of a stream and yields their outcomes (the outcomes in it as they are)."""

    def __call__(self, stream: Iterator[Job | Outcome]) -> Iterator[Outcome]: ...


@dataclass
class Run:
    """One build in its output folder: what is reused, extracted, screened, failed and merged."""

    out: Path
    manifest: Manifest
    reporter: Reporter
    summary: Summary
    force: bool = False
    fresh: dict[str, Itinerary] = field(default_factory=dict)
    kept: dict[str, Itinerary] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)  # name -> SHA-256 of the draft merged
    failures: dict[str, str] = field(default_factory=dict)
    screen: Screen | None = None  # None: every article is extracted (--no-screen)
    screened: set[str] = field(default_factory=set)
    empty: set[str] = field(default_factory=set)  # read in full, no trip found
    force_reviewed: bool = False  # with force: extract the drafts a person reviewed again too
    reviewed: dict[str, str] = field(default_factory=dict)  # name -> digest (reviewed.jsonl)
    replaced: set[str] = field(default_factory=set)  # reviewed drafts this run replaced
    _articles: dict[str, Article] = field(default_factory=dict)  # of the jobs in flight
    mapper: Mapper | None = None  # the extraction cluster's, for the merge's batches of travellers
    # Off by default: on 2 cores the merge of 10,000 drafts took 14 s on 2 workers against 5 s in
    # this process (copying the batches costs more than the work it spreads).
    merge_on_cluster: bool = False

    @property
    def drafts(self) -> Path:
        return self.out / DRAFTS

    def check_reviewed(self, items: list[Item]) -> None:
        """With ``force`` but not ``force_reviewed``: refuse, before anything is done, when a
        draft a person reviewed would be extracted again."""
        self.reviewed = read_reviewed(self.out / REVIEWED)
        if not self.force or self.force_reviewed:
            return
        hit = [i.name for i in items if i.name in self.reviewed and (self.drafts / f"{i.name}.yaml").exists()]
        if hit:
            listed = ", ".join(f"{n}.yaml" for n in hit[:3]) + (
                f" and {len(hit) - 3} more" if len(hit) > 3 else ""
            )
            raise ValidationError(
                f"--force would replace {len(hit)} reviewed draft{'s' * (len(hit) != 1)} in {self.drafts} "
                f"({listed}); add --force-reviewed to extract them again (each review is moved "
                "aside to <name>.yaml.edited), or leave --force out: a reviewed draft of an unchanged "
                "article is kept"
            )

    def reuse(self, items: list[Item]) -> list[Item]:
        """Count the finished articles and keep the hand-edited drafts; the ones left to extract.
        The drafts' hashes come from their files' status when it is the one recorded (see
        :class:`DraftDigests`)."""
        self.check_reviewed(items)
        pending = []
        known = DraftDigests(self.out / STATS)
        folder = str(self.drafts)
        for item in items:
            entry = self.manifest.entries.get(item.name)
            same = entry is not None and entry.digest == item.digest and not self.force
            # a screened article is extracted when the screen is off
            same = same and (entry is None or entry.reason != SCREENED or self.screen is not None)
            on_disk = known.digest(item.name, os.path.join(folder, f"{item.name}.yaml"))
            if entry is None or not same:
                pending.append(item)
            elif on_disk is None and entry.status == OK:
                pending.append(item)  # its draft was deleted: extract it again
            elif on_disk is None or on_disk == entry.draft:
                self.summary.skipped += 1  # finished before (a success or a failure)
                if entry.status == FAILED:
                    self.failures[item.name] = entry.reason or f"{item.origin}: failed"
                elif entry.status == NO_TRIP:
                    (self.screened if entry.reason == SCREENED else self.empty).add(item.name)
                else:
                    self.digests[item.name] = on_disk or ""
            else:
                self.summary.skipped += 1
                self._keep_edit(item, self.drafts / f"{item.name}.yaml", on_disk)
        known.save()
        return pending

    def _keep_edit(self, item: Item, draft: Path, digest: str) -> None:
        """Use a draft edited (or written) by hand for an unchanged article, as it is."""
        try:
            self.kept[item.name] = yaml_io.load(draft)
        except ItineraryError as exc:
            self.failures[item.name] = (
                f"{draft}: your edit of this draft is not a valid itinerary ({exc}); fix it, or "
                f"delete the file to extract {item.origin} again"
            )
            return
        self.digests[item.name] = digest
        if item.name in self.reviewed:
            return  # a reviewed draft: kept, and said in the summary line's count
        self.summary.notes.append(
            f"kept your edit of {draft} (its article is unchanged; --force extracts it again "
            "and moves your edit aside)"
        )

    def extract(self, pending: list[Item], settings: DraftSettings, engine: Any) -> None:
        """The map step: every pending article through the engine (``(outcomes, info, mapper)``,
        the mapper kept for the merge), results taken as they come."""
        outcomes, info, self.mapper = engine
        self.summary.engine, self.summary.workers = info.label, info.workers
        reused = self.summary.total - len(pending)
        self.reporter.start(Plan(self.summary.total, len(pending), reused, *info))
        started = time.perf_counter()
        try:
            for outcome in outcomes(self._remember(jobs(pending, settings, self.screen, self.summary))):
                self.take(outcome)
        finally:
            self.reporter.finish()
        self.summary.map_seconds = time.perf_counter() - started

    def _remember(self, stream: Iterator[Job | Outcome]) -> Iterator[Job | Outcome]:
        """The jobs as they go, their articles kept until their outcome comes back."""
        for x in stream:
            if isinstance(x, Job):
                self._articles[x.name] = x.article
            yield x

    def _keep_article(self, name: str, outcome: Outcome) -> str | None:
        """Write the text the draft came from to ``articles/<name>.txt`` (read by the review:
        the header as ``extract`` reads it, then the text); its SHA-256, or None."""
        article = self._articles.pop(name, None)
        path = self.out / ARTICLES / f"{name}.txt"
        if article is None or outcome.itinerary is None:
            path.unlink(missing_ok=True)
            return None
        source = next(iter(outcome.itinerary.sources), None)
        header = {
            "date": article.published.isoformat() if article.published else None,
            "language": article.language or (source.language if source else None),
            "title": article.title,
            "source_url": article.url,
            "outlet": article.publisher,
        }
        lines = [f"# {k}: {' '.join(str(v).split())}" for k, v in header.items() if v]
        text = "\n".join([*(lines or ["# source: " + name]), "---", article.text])
        write_text(path, text)
        return text_digest(text)

    def take(self, outcome: Outcome) -> None:
        """Write a finished article's draft (and its text) and record it in the manifest."""
        draft = self.drafts / f"{outcome.name}.yaml"
        self._protect(draft, outcome)
        if outcome.name in self.reviewed:
            self.replaced.add(outcome.name)
        if not outcome.ok or outcome.no_trip:
            self._articles.pop(outcome.name, None)
            (self.out / ARTICLES / f"{outcome.name}.txt").unlink(missing_ok=True)
        if outcome.no_trip:
            draft.unlink(missing_ok=True)  # an older draft of an article that changed
            reason = SCREENED if outcome.screened else outcome.reason
            self.manifest.record(Entry(outcome.name, outcome.digest, NO_TRIP, reason=reason))
            (self.screened if outcome.screened else self.empty).add(outcome.name)
        elif outcome.ok:
            assert outcome.draft is not None and outcome.itinerary is not None
            write_text(draft, outcome.draft)
            digest = text_digest(outcome.draft)
            article = self._keep_article(outcome.name, outcome)
            index = draft_index(outcome.itinerary)
            self.manifest.record(
                Entry(outcome.name, outcome.digest, OK, draft=digest, article=article, index=index)
            )
            self.fresh[outcome.name] = outcome.itinerary
            self.digests[outcome.name] = digest
        else:
            draft.unlink(missing_ok=True)  # an older draft of an article that now fails
            if outcome.cacheable:
                self.manifest.record(Entry(outcome.name, outcome.digest, FAILED, reason=outcome.reason))
            self.failures[outcome.name] = outcome.reason or f"{outcome.origin}: failed"
        self.summary.extracted += 1
        self.reporter.advance(outcome)

    def _protect(self, draft: Path, outcome: Outcome) -> None:
        """Move aside a draft about to be replaced that is not the one the manifest recorded
        (nor the new one): a person edited it."""
        on_disk = file_digest(draft)
        if on_disk is None:
            return
        entry = self.manifest.entries.get(outcome.name)
        reviewed = outcome.name in self.reviewed
        if not reviewed and (
            (entry is not None and on_disk == entry.draft)
            or (outcome.draft is not None and on_disk == text_digest(outcome.draft))
        ):
            return
        aside = set_aside(draft)
        why = "--force extracts every article again" if self.force else "its article changed"
        what = "your review" if reviewed else "your edit"
        self.summary.notes.append(f"moved {what} of {draft} to {aside} ({why}); compare and merge by hand")

    def forget_removed(self, items: list[Item]) -> None:
        """The drafts and manifest lines of articles no longer in the input leave the folder
        (a hand-edited draft is moved aside, not deleted)."""
        names = {item.name for item in items}
        gone = sorted(n for n in self.manifest.entries if n not in names)
        for name in gone:
            entry = self.manifest.entries[name]
            draft = self.drafts / f"{name}.yaml"
            on_disk = file_digest(draft)
            if on_disk is not None and on_disk != entry.draft:
                aside = set_aside(draft)
                self.summary.notes.append(
                    f"moved your edit of {draft} to {aside} (its article is no longer in the input)"
                )
            else:
                draft.unlink(missing_ok=True)
            (self.out / ARTICLES / f"{name}.txt").unlink(missing_ok=True)
            if name in self.reviewed:
                self.replaced.add(name)
            self.manifest.forget(name)
        with contextlib.suppress(OSError):  # an empty articles/ folder leaves too (drafts/ stays)
            (self.out / ARTICLES).rmdir()
        if gone:
            listed = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
            self.summary.notes.append(
                f"removed {len(gone)} draft{'s' * (len(gone) != 1)} of articles no longer in the input "
                f"from {self.drafts} ({listed})"
            )

    def forget_replaced(self) -> None:
        """The reviewed drafts this run replaced (or removed) are no longer reviewed; the
        summary counts those kept."""
        forget_reviewed(self.out / REVIEWED, self.replaced)
        kept = sum(
            1 for n in self.reviewed if n not in self.replaced and (self.drafts / f"{n}.yaml").exists()
        )
        if kept:
            self.summary.notes.append(
                f"kept {kept} reviewed draft{'s' * (kept != 1)} in {self.drafts} as the person saved them"
            )

    def reduce(self, items: list[Item], as_of: dt.date | None) -> None:
        """Merge the drafts of this input (in input order) and write the merged files, unless
        the files of the same drafts are already there. A run that merges nothing removes the
        merged files of an earlier input."""
        s = self.summary
        s.failures = [(item.origin, self.failures[item.name]) for item in items if item.name in self.failures]
        s.failed = len(s.failures)
        s.screened = sum(1 for item in items if item.name in self.screened)
        s.no_trip = sum(1 for item in items if item.name in self.empty)
        none = self.failures.keys() | self.screened | self.empty
        ok = [item for item in items if item.name not in none]
        s.ok = len(ok)
        if not ok:
            why = "; ".join(
                f"{n} {what}"
                for n, what in (
                    (s.screened, "screened out as holding no trip"),
                    (s.no_trip, "read with no trip found"),
                )
                if n
            )
            why = f" ({why})" if why else ""
            if geoparquet_available() and (self.out / OBSERVATIONS).exists():
                self._keep_rows(Observations.read(self.out), [])
            self._nothing_merged(f"no article gave a draft{why}")
            return
        geoparquet = geoparquet_available()
        key = reduce_key([(i.name, self.digests[i.name]) for i in ok], as_of, __version__, geoparquet)
        done = up_to_date(self.out, key)
        if done is not None:
            s.trips, s.stops = done
            return
        started = time.perf_counter()
        self._merge(ok, key, as_of, geoparquet)
        s.merge_seconds, s.merged = time.perf_counter() - started, len(ok)

    def _merge(self, ok: list[Item], key: str, as_of: dt.date | None, geoparquet: bool) -> None:
        """Read the drafts (those of this run are in memory, the others from the observation
        table, or their YAML when the table does not hold them), merge them by traveller, write
        the merged files."""
        s = self.summary
        # the travellers and trips of the last merge are not merged nor written out again (their
        # work is kept in the parts); the collector paused while the rows are read and merged
        with Parts.open(self.out) as parts:
            with warnings.catch_warnings(), gc_paused():
                warnings.simplefilter(
                    "ignore", MergeWarning
                )  # a corpus holds unrelated trips: no common traveller
                table = Observations.read(self.out) if geoparquet else None
                by_name = {item.name: item for item in ok}
                drafts: dict[str, Itinerary] = {}
                if table is not None:  # every draft gets its rows (reading those the table lacks)
                    for item in ok:
                        if not table.has(item.name, self.digests[item.name]):
                            drafts[item.name] = self._draft(item, table)
                    self._keep_rows(table, ok)

                def load(name: str) -> Itinerary:
                    found = drafts.pop(name, None)
                    return found if found is not None else self._draft(by_name[name], table)

                mapper = self.mapper if self.merge_on_cluster and self.mapper is not None else map
                names = [item.name for item in ok]
                digests = [self.digests[n] for n in names]
                merged, report, delta = merge_delta(
                    names, digests, load, as_of=as_of, mapper=mapper, memo=parts
                )
                s.undated, s.drafts_read, s.merged_all = delta.undated, delta.read, delta.fallback
                drafts.clear()  # freed before writing, so a collection there has less to walk
                table = None
            if merged.trips:
                s.review = list(report.review)
                s.trips = len(merged.trips)
                s.stops = sum(stop_count(t) for t in merged.trips)
                self._write(merged, key, geoparquet, parts)
        if not merged.trips:  # the store closed first: it leaves with the merged files
            self._nothing_merged(f"nothing was published by {as_of}" if as_of else "the drafts hold no trip")

    def _write(self, merged: Itinerary, key: str, geoparquet: bool, parts: Parts) -> None:
        """The merged files, the trips written before taken from ``parts``."""
        s = self.summary
        with gc_paused():
            text = merged_yaml(merged, parts)
            aside = set_aside_edited_trips(self.out, text)
            if aside is not None:
                s.notes.append(f"moved your edit of {self.out / TRIPS} to {aside}")
            s.written = write_merged(merged, self.out, key, geoparquet=geoparquet, text=text, parts=parts)

    def _nothing_merged(self, why: str) -> None:
        self.summary.nothing_merged = why
        removed, aside = remove_merged(self.out)
        if aside is not None:
            self.summary.notes.append(f"moved your edit of the merged trips to {aside}")
        if removed:
            names = ", ".join(p.name for p in removed)
            self.summary.notes.append(f"removed the merged files of an earlier run ({names})")

    def _draft(self, item: Item, table: Observations | None) -> Itinerary:
        """The draft of ``item``: this run's (in memory), else from its rows, else its YAML file;
        the table gains the rows of a draft it does not hold."""
        digest = self.digests[item.name]
        found = self.fresh.get(item.name) or self.kept.get(item.name)
        if found is None and table is not None:
            found = table.draft(item.name, digest)
        if found is None:
            found = yaml_io.load(self.drafts / f"{item.name}.yaml")
        if table is not None and not table.has(item.name, digest):
            table.put(item.name, digest, found)
        return found

    def _keep_rows(self, table: Observations, ok: list[Item]) -> None:
        """Only the merged drafts keep rows; the rows of articles no longer in the input go, and
        the summary says so."""
        names = {item.name for item in ok}
        gone = [n for n in table.keep_only(names) if n not in self.manifest.entries]
        table.write()
        if gone:
            listed = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
            self.summary.notes.append(
                f"removed the observations of {len(gone)} article{'s' * (len(gone) != 1)} no longer "
                f"in the input from {self.out / OBSERVATIONS} ({listed})"
            )
