"""Alignment of two plans: which old points, tasks and items became which new ones.

Bottom-up, one level at a time (items, then tasks, then points), because a
parent is best recognised by its children: a 宁国-style task is a short title
over many table rows, and a point whose tasks all carried over is the same
point even when its heading was rewritten.

Each level, in order (../shared/research/diff-anchors.md, "Recommended design"):

1. ids — kept for life by planwright, so a shared id is the same node; unless
   the two files plainly use one id scheme for unrelated nodes (more than half
   of the shared ids join texts with similarity < 0.3), then ids are ignored.
   (A node without a shared id is still aligned by the passes below, also
   when the plans share most ids: a clerk may retype a task as well as edit it.)
2. anchors — identical normal forms, unique on both sides;
3. scores — rapidfuzz Indel similarity of the normal forms (years blinded),
   blended half-and-half with the share of
   aligned children when both nodes have children; small plans score every
   pair, large ones only candidates that share rare character bigrams;
4. an optimal one-to-one assignment (``assign``) over pairs ≥ MATCH_FLOOR;
5. splits and merges — character-bigram (or aligned-children) containment:
   ≥ 2 parts, each ≥ 50 % contained in the source or making up ≥ 40 % of it,
   together covering ≥ 60 % of it and ≥ 15 points more than the best single
   part (unrelated tasks of one plan: 99th percentile 0.27);
   A task whose body is items on one side and a text on the other (the
   office rewrote the list as a paragraph, or the other way round) is
   scored on its whole body, title, text and items read as one, and the
   same heading (≥ SAME_TITLE similar) weighs half; splits and merges of
   such tasks are measured on whole bodies too.
6. position — a heavily rewritten task usually keeps its place: what is left
   on both sides between the same two aligned neighbours is paired from
   GAP_FLOOR up (flagged for review), the way a line diff pairs a changed block.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import Indel

from planwright.plan.model import Item, Level, Node, Plan
from planwright.diffing.assign import assign
from planwright.diffing.text import bigrams, normal_form, shift_years, year_blind

LEVELS: tuple[Level, ...] = ("point", "task", "item")
_DIGIT = re.compile("[0-9]")

MATCH_FLOOR = 0.30  # below: not the same node (research: best all-links F1 at 0.30)
REVIEW_BELOW = 0.40  # 0.30–0.40: probably the same, flagged for a person to confirm
CHILD_WEIGHT = 0.5  # share of the score given to aligned children when both have some
CONTAIN = 0.5  # a part is ≥ 50 % contained in its source …
SHARE = 0.4  # … or makes up ≥ 40 % of it (a merge that kept a third of a long task)
GAP_FLOOR = 0.2  # between the same aligned neighbours, a weaker pair is still the same node
COVER = 0.6  # the parts together cover ≥ 60 % of the source
GAIN = 0.15  # … and beat the best single part by ≥ 15 points
ID_DISTRUST = 0.3  # shared ids whose texts are less similar than this look unrelated
FULL_PAIRS = 20_000  # score every pair up to this many; above, only candidates
PART_PAIRS = 4_000  # the same for the containment of loose parts in possible sources
TITLE_MIN = 4  # a heading this long (normal form) that stays says "same task" across shapes …
SAME_TITLE = 0.8  # … when this similar
NEIGHBOURS = 3  # above that: a part's possible sources are what its neighbours came from
CANDIDATES = 12  # candidates per node in large plans


@dataclass
class Entry:
    """One node of one side, as the aligner sees it."""

    level: Level
    node: Node
    index: tuple[int, ...]  # 1-based position, as Plan.locate
    order: int  # reading order within its level
    parent: int | None  # index of the parent entry one level up
    norm: str  # normal form of title + text, years blinded: what matching compares
    literal: str = ""  # normal form with its years as written
    text: str = ""  # what a reader sees (display_text)
    shifted: str = ""  # … with the old plan's years moved to the new plan's (old side)
    children: list[int] = field(default_factory=list)
    body: str = ""  # what a reader sees of a task with its items, one per line (tasks with items)
    full: str = ""  # normal form of ``body``, years blinded: a task's text compared with items
    head: str = ""  # normal form of a task's or point's title alone
    _grams: frozenset[int] | None = None
    _full_grams: frozenset[int] | None = None

    @property
    def grams(self) -> frozenset[int]:
        if self._grams is None:
            self._grams = bigrams(self.norm)
        return self._grams

    @property
    def full_grams(self) -> frozenset[int]:
        """Bigrams of the whole body (title, text and items): what a reshaped task is measured on."""
        if self._full_grams is None:
            self._full_grams = bigrams(self.full) if self.full else self.grams
        return self._full_grams


@dataclass
class Link:
    """Old entries ↔ new entries at one level (1:1, or a merge n:1, or a split 1:n)."""

    old: list[int]
    new: list[int]
    score: float
    how: str  # id / same / content / split / merge

    @property
    def kind(self) -> str:
        if len(self.old) > 1:
            return "merged"
        if len(self.new) > 1:
            return "split"
        return "pair"


@dataclass
class Side:
    entries: dict[Level, list[Entry]]


@dataclass
class Alignment:
    old: Side
    new: Side
    links: dict[Level, list[Link]]
    ids_trusted: bool
    _partners: dict[Level, dict[int, set[int]]] = field(default_factory=dict, repr=False)

    def partners(self, level: Level) -> dict[int, set[int]]:
        """Old entry index → new entry indices it is linked to, at one level."""
        if level not in self._partners:
            out: dict[int, set[int]] = {}
            for link in self.links[level]:
                for o in link.old:
                    out.setdefault(o, set()).update(link.new)
            self._partners[level] = out
        return self._partners[level]


def display_text(node: Node) -> str:
    """What a reader sees of a node: 标题。正文 (tasks, points) or the item's text."""
    if isinstance(node, Item):
        return node.text
    title, text = node.title.strip(), node.text.strip()
    if title and text:
        joiner = "" if title[-1] in "。；！？.;!?：:" else "。"
        return f"{title}{joiner}{text}"
    return title or text


def side_of(plan: Plan, years: Iterable[int] = (), delta: int = 0) -> Side:
    """The entries of a plan, levels by level; ``years`` move by ``delta`` in the normal forms."""
    years = set(years)
    entries: dict[Level, list[Entry]] = {level: [] for level in LEVELS}

    def add(level: Level, node: Node, index: tuple[int, ...], parent: int | None) -> int:
        text = display_text(node)
        literal = normal_form(text)
        norm = shifted = literal
        if _DIGIT.search(literal):  # most tasks name no year: skip the year passes
            norm = year_blind(literal)
            moved = shift_years(text, years, delta) if years and delta else text
            shifted = literal if moved == text else normal_form(moved)
        bucket = entries[level]
        head = normal_form(node.title) if level != "item" else ""
        bucket.append(Entry(level, node, index, len(bucket), parent, norm=norm,
                            literal=literal, shifted=shifted, text=text, head=head))
        if parent is not None:
            entries[LEVELS[LEVELS.index(level) - 1]][parent].children.append(len(bucket) - 1)
        return len(bucket) - 1

    for p, point in enumerate(plan.points, 1):
        pi = add("point", point, (p,), None)
        for t, task in enumerate(point.tasks, 1):
            ti = add("task", task, (p, t), pi)
            for i, item in enumerate(task.items, 1):
                add("item", item, (p, t, i), ti)
            if task.items:
                _add_body(entries["task"][ti], task)
    return Side(entries)


def _add_body(entry: Entry, task) -> None:
    """A task with items, read as one text: compared with a task whose body is a text."""
    entry.body = "\n".join([entry.text, *(item.text for item in task.items)])
    full = normal_form(entry.body)
    entry.full = year_blind(full) if _DIGIT.search(full) else full


def align(old: Plan, new: Plan, old_years: Iterable[int] = (), delta: int = 0) -> Alignment:
    """Align every level of two plans (see the module docstring)."""
    old_side, new_side = side_of(old, old_years, delta), side_of(new)
    trusted = _ids_trusted(old_side, new_side)
    links: dict[Level, list[Link]] = {}
    below: list[Link] | None = None
    for level in reversed(LEVELS):
        aligner = _LevelAligner(old_side.entries[level], new_side.entries[level], below,
                                child_level=_below(level), old_side=old_side, new_side=new_side)
        links[level] = aligner.run(trusted)
        below = links[level]
    return Alignment(old_side, new_side, links, trusted)


def _below(level: Level) -> Level | None:
    i = LEVELS.index(level)
    return LEVELS[i + 1] if i + 1 < len(LEVELS) else None


def _ids_trusted(old: Side, new: Side) -> bool:
    """False when shared ids join mostly unrelated texts (two files, one numbering scheme)."""
    shared = 0
    unrelated = 0
    for level in LEVELS:
        new_by_id = _unique_ids(new.entries[level])
        for oid, o in _unique_ids(old.entries[level]).items():
            n = new_by_id.get(oid)
            if n is None:
                continue
            shared += 1
            if Indel.normalized_similarity(o.norm, n.norm) < ID_DISTRUST:
                unrelated += 1
    return not (shared >= 3 and unrelated * 2 > shared)


def _unique_ids(entries: Sequence[Entry]) -> dict[str, Entry]:
    counts = Counter(e.node.id for e in entries if e.node.id)
    return {e.node.id: e for e in entries if e.node.id and counts[e.node.id] == 1}


class _LevelAligner:
    """Aligns one level, given the links of the level below (None for the lowest)."""

    def __init__(self, olds: list[Entry], news: list[Entry], below: list[Link] | None,
                 child_level: Level | None, old_side: Side, new_side: Side) -> None:
        self.olds, self.news = olds, news
        self.links: list[Link] = []
        self.old_done: dict[int, int] = {}  # old index → link index
        self.new_done: dict[int, int] = {}
        self.old_feats, self.new_feats = self._child_features(below, child_level, old_side, new_side)
        self.scores: dict[tuple[int, int], float] = {}
        self._n_old, self._n_new = max(len(olds), 1), max(len(news), 1)  # for _tie, in integers

    # -- features from the level below -------------------------------------
    def _child_features(self, below, child_level, old_side, new_side):
        """Per entry, a set standing for its children: one token per child link.

        Shared tokens between an old and a new entry are children that went
        from one to the other; an unaligned child is a token of its own, so
        that it counts in the size of the set.
        """
        if below is None or child_level is None:
            return None, None
        old_children = old_side.entries[child_level]
        new_children = new_side.entries[child_level]
        old_feats: dict[int, set[str]] = {}
        new_feats: dict[int, set[str]] = {}
        linked_old: set[int] = set()
        linked_new: set[int] = set()
        for k, link in enumerate(below):
            for o in link.old:
                old_feats.setdefault(old_children[o].parent, set()).add(f"L{k}")
                linked_old.add(o)
            for n in link.new:
                new_feats.setdefault(new_children[n].parent, set()).add(f"L{k}")
                linked_new.add(n)
        for i, child in enumerate(old_children):
            if i not in linked_old:
                old_feats.setdefault(child.parent, set()).add(f"o{i}")
        for i, child in enumerate(new_children):
            if i not in linked_new:
                new_feats.setdefault(child.parent, set()).add(f"n{i}")
        return old_feats, new_feats

    def _feats(self, side: str, i: int) -> set[str] | None:
        feats = self.old_feats if side == "old" else self.new_feats
        return feats.get(i) if feats is not None else None

    # -- the passes -----------------------------------------------------------
    def run(self, ids_trusted: bool) -> list[Link]:
        if ids_trusted:
            self._by_id()
        self._by_identical_text()
        self._by_content()
        self._splits_and_merges()
        self._by_position()
        return self.links

    def _link(self, old: list[int], new: list[int], score: float, how: str) -> None:
        k = len(self.links)
        self.links.append(Link(old, new, score, how))
        for o in old:
            self.old_done[o] = k
        for n in new:
            self.new_done[n] = k

    def _by_id(self) -> None:
        new_by_id = _unique_ids(self.news)
        for nid, old in _unique_ids(self.olds).items():
            new = new_by_id.get(nid)
            if new is not None:  # the id says it; the text may say anything
                self._link([old.order], [new.order], 1.0, "id")

    def _by_identical_text(self) -> None:
        olds: dict[str, list[int]] = {}
        news: dict[str, list[int]] = {}
        for o, e in enumerate(self.olds):
            if o not in self.old_done and e.norm:
                olds.setdefault(e.norm, []).append(o)
        for n, e in enumerate(self.news):
            if n not in self.new_done and e.norm:
                news.setdefault(e.norm, []).append(n)
        for norm, os_ in olds.items():
            ns = news.get(norm)
            if ns and len(ns) == 1 and len(os_) == 1 and self._children_agree(os_[0], ns[0]):
                self._link(os_, ns, 1.0, "same")

    def _children_agree(self, o: int, n: int) -> bool:
        """Same heading over unrelated children (宁国 tasks 加强工作指导…) is no anchor."""
        fo, fn = self._feats("old", o), self._feats("new", n)
        return not (fo and fn) or bool(fo & fn)

    def _by_content(self) -> None:
        olds = [o for o in range(len(self.olds)) if o not in self.old_done]
        news = [n for n in range(len(self.news)) if n not in self.new_done]
        if not olds or not news:
            return
        # kept down to GAP_FLOOR for the position pass
        scores = self._scores(olds, news, min(MATCH_FLOOR, GAP_FLOOR))
        self.scores = scores
        for o, n in sorted(assign(scores, MATCH_FLOOR, self._tie).items()):
            self._link([o], [n], scores[(o, n)], "content")

    def _tie(self, pair: tuple[int, int]) -> tuple:
        """Among equal scores prefer the pair at the same relative place in both plans."""
        o, n = pair
        return (abs(o * self._n_new - n * self._n_old), o, n)

    def _by_position(self) -> None:
        loose_old = [o for o in range(len(self.olds)) if o not in self.old_done]
        loose_new = [n for n in range(len(self.news)) if n not in self.new_done]
        if not loose_old or not loose_new or not self.scores:
            return
        anchors = _increasing(sorted((min(link.old), min(link.new)) for link in self.links))
        old_marks = [a for a, _ in anchors]
        new_marks = [b for _, b in anchors]
        gap_of_new = {n: bisect.bisect_left(new_marks, n) for n in loose_new}
        pairs = {}
        for o in loose_old:
            gap = bisect.bisect_left(old_marks, o)
            for n in loose_new:
                if gap_of_new[n] == gap and (o, n) in self.scores:
                    pairs[(o, n)] = self.scores[(o, n)]
        for o, n in sorted(assign(pairs, GAP_FLOOR, self._tie).items()):
            self._link([o], [n], pairs[(o, n)], "position")

    # -- scoring ------------------------------------------------------------------
    def _score(self, o: int, n: int, text: float | None = None) -> float:
        if self._reshaped(o, n):
            return self._shape_score(o, n)
        if text is None:
            text = Indel.normalized_similarity(self.olds[o].norm, self.news[n].norm)
        fo, fn = self._feats("old", o), self._feats("new", n)
        if fo and fn:
            dice = 2 * len(fo & fn) / (len(fo) + len(fn))
            return (1 - CHILD_WEIGHT) * text + CHILD_WEIGHT * dice
        return text

    def _reshaped(self, o: int, n: int) -> bool:
        """One side's body is items, the other's a text: only whole bodies compare."""
        return bool(self.olds[o].full) != bool(self.news[n].full)

    def _shape_score(self, o: int, n: int) -> float:
        """Whole bodies compared; the same (or nearly the same) heading is strong evidence."""
        old, new = self.olds[o], self.news[n]
        body = Indel.normalized_similarity(old.full or old.norm, new.full or new.norm)
        if len(old.head) >= TITLE_MIN and len(new.head) >= TITLE_MIN:
            title = Indel.normalized_similarity(old.head, new.head)
            if title >= SAME_TITLE:
                return max(body, (title + body) / 2)
        return body

    def _scores(self, olds: list[int], news: list[int], cutoff: float) -> dict[tuple[int, int], float]:
        """Scores of the pairs worth knowing: text ≥ ``cutoff``, or sharing an aligned child.

        (A pair sharing no child scores its text at most, so a lower text can
        never reach the cutoff.)
        """
        texts: dict[tuple[int, int], float] = {}
        choices = [self.news[n].norm for n in news]
        if len(olds) * len(news) <= FULL_PAIRS:
            for o in olds:
                for _, score, k in process.extract(self.olds[o].norm, choices, scorer=Indel.normalized_similarity,
                                                   limit=None, score_cutoff=cutoff):
                    texts[(o, news[k])] = score
        else:
            for o, cands in self._candidates(olds, news).items():
                for n in cands:
                    score = Indel.normalized_similarity(self.olds[o].norm, self.news[n].norm, score_cutoff=cutoff)
                    if score:
                        texts[(o, n)] = score
        for pair in self._child_pairs(olds, news):
            if pair not in texts:
                texts[pair] = Indel.normalized_similarity(self.olds[pair[0]].norm, self.news[pair[1]].norm)
        for pair in self._shape_pairs(olds, news):
            texts.setdefault(pair, 0.0)
        if self.old_feats is None:
            return texts
        scored = {pair: self._score(*pair, text=t) for pair, t in texts.items()}
        return {pair: s for pair, s in scored.items() if s >= cutoff}

    def _shape_pairs(self, olds: list[int], news: list[int]) -> set[tuple[int, int]]:
        """Pairs of a task with items and a task without: every one in small plans, else same headings."""
        old_items = [o for o in olds if self.olds[o].full]
        old_text = [o for o in olds if not self.olds[o].full]
        new_items = [n for n in news if self.news[n].full]
        new_text = [n for n in news if not self.news[n].full]
        crossed = [(old_items, new_text), (old_text, new_items)]
        if sum(len(a) * len(b) for a, b in crossed) <= FULL_PAIRS:
            return {(o, n) for a, b in crossed for o in a for n in b}
        by_head: dict[str, list[int]] = {}
        for n in news:
            if self.news[n].head:
                by_head.setdefault(self.news[n].head, []).append(n)
        return {(o, n) for o in olds for n in by_head.get(self.olds[o].head, ())
                if self._reshaped(o, n)}

    def _child_pairs(self, olds: list[int], news: list[int]) -> set[tuple[int, int]]:
        """Pairs that share at least one aligned child."""
        if self.old_feats is None:
            return set()
        wanted_new = set(news)
        by_feat: dict[str, list[int]] = {}
        for n in news:
            for f in self.new_feats.get(n, ()):
                by_feat.setdefault(f, []).append(n)
        pairs = set()
        for o in olds:
            for f in self.old_feats.get(o, ()):
                for n in by_feat.get(f, ()):
                    if n in wanted_new:
                        pairs.add((o, n))
        return pairs

    def _candidates(self, olds: list[int], news: list[int], k: int = CANDIDATES) -> dict[int, list[int]]:
        """For large levels: the new entries sharing the most rare bigrams with each old one.

        Bigrams in more than 2 % of the entries (公开, 信息 …) say nothing and
        would make every posting list as long as the plan: they are skipped.
        """
        df: Counter[int] = Counter()
        for o in olds:
            df.update(self.olds[o].grams)
        for n in news:
            df.update(self.news[n].grams)
        cap = max(8, (len(olds) + len(news)) // 50)
        postings: dict[int, list[int]] = {}
        for n in news:
            for g in self.news[n].grams:
                if df[g] <= cap:
                    postings.setdefault(g, []).append(n)
        out: dict[int, list[int]] = {}
        for o in olds:
            grams = [g for g in self.olds[o].grams if g in postings]
            if len(grams) > 64:
                grams = sorted(grams, key=lambda g: (df[g], g))[:64]
            hits: Counter[int] = Counter()
            for g in grams:
                hits.update(postings[g])
            out[o] = [n for n, _ in hits.most_common(k)]
        return out

    # -- splits and merges ----------------------------------------------------------
    def _set(self, side: str, i: int) -> frozenset | set:
        """What splits and merges are measured on: aligned children, else the whole body's bigrams.

        (Children none of which is aligned say nothing: their texts went into
        a text on the other side, or nowhere.)
        """
        feats = self.old_feats if side == "old" else self.new_feats
        found = feats.get(i) if feats else None
        if found and any(f[0] == "L" for f in found):
            return found
        return (self.olds if side == "old" else self.news)[i].full_grams

    def _splits_and_merges(self) -> None:
        self._group("old")  # one old → several new
        self._group("new")  # several old → one new

    def _group(self, source_side: str) -> None:
        """Find sources whose unaligned parts on the other side came from them."""
        part_side = "new" if source_side == "old" else "old"
        sources = self.olds if source_side == "old" else self.news
        parts = self.news if source_side == "old" else self.olds
        part_done = self.new_done if source_side == "old" else self.old_done
        source_done = self.old_done if source_side == "old" else self.new_done
        loose = [p for p in range(len(parts)) if p not in part_done]
        if not loose:
            return
        candidates = self._part_candidates(loose, part_side, len(sources))
        by_source: dict[int, list[tuple[float, int]]] = {}
        for p, cands in candidates.items():
            pset = self._set(part_side, p)
            if not pset:
                continue
            best, best_s = 0.0, -1
            for s in cands:
                sset = self._set(source_side, s)
                # cheap bound first: too few shared grams are possible at all
                if not sset or min(len(sset), len(pset)) < min(CONTAIN * len(pset), SHARE * len(sset)):
                    continue
                score = self._belongs(p, part_side, s, source_side)
                if score > best:
                    best, best_s = score, s
            if best > 0:
                by_source.setdefault(best_s, []).append((best, p))
        for s, found in sorted(by_source.items()):
            link_k = source_done.get(s)
            current = self.links[link_k] if link_k is not None else None
            if current is not None and current.kind != "pair":
                continue
            partner = None
            if current is not None:
                partner = current.new[0] if source_side == "old" else current.old[0]
            group = self._grown_group(s, source_side, part_side, partner, [p for _, p in sorted(found, reverse=True)])
            if group is None:
                continue
            members, cover = group
            if current is not None:
                current.old, current.new = ([s], members) if source_side == "old" else (members, [s])
                current.how, current.score = ("split" if source_side == "old" else "merge"), cover
                for m in members:
                    part_done[m] = link_k
            else:
                old, new = ([s], members) if source_side == "old" else (members, [s])
                self._link(old, new, cover, "split" if source_side == "old" else "merge")

    def _belongs(self, p: int, part_side: str, s: int, source_side: str) -> float:
        """How surely part ``p`` came from (or went into) source ``s``; 0 when it did not."""
        pset, sset = self._set(part_side, p), self._set(source_side, s)
        if not pset or not sset:
            return 0.0
        shared = len(pset & sset)
        contained, share = shared / len(pset), shared / len(sset)
        if contained < CONTAIN and share < SHARE:
            return 0.0
        if self._feats(part_side, p) and len(pset) < 2:
            # A one-row task whose row went elsewhere was emptied, not merged:
            # only its heading's words can say otherwise.
            parts = self.news if part_side == "new" else self.olds
            sources = self.olds if part_side == "new" else self.news
            grams = parts[p].grams
            if not grams or len(grams & sources[s].grams) / len(grams) < CONTAIN:
                return 0.0
        return max(contained, share)

    def _part_candidates(self, loose: list[int], part_side: str, n_sources: int) -> dict[int, list[int]]:
        if len(loose) * n_sources <= PART_PAIRS:
            return {p: list(range(n_sources)) for p in loose}
        # Large levels: the parts of a split or a merge stand next to each other,
        # so look only at what the neighbours on the part's side are linked to,
        # and at the entries that share an aligned child with the part.
        done = self.new_done if part_side == "new" else self.old_done
        size = len(self.news if part_side == "new" else self.olds)
        by_feat = self._feature_index("old" if part_side == "new" else "new")
        out: dict[int, list[int]] = {}
        for p in loose:
            found: set[int] = set()
            for q in range(max(0, p - NEIGHBOURS), min(size, p + NEIGHBOURS + 1)):
                k = done.get(q)
                if k is not None:
                    link = self.links[k]
                    found.update(link.old if part_side == "new" else link.new)
            for f in self._feats(part_side, p) or ():
                found.update(by_feat.get(f, ()))
            out[p] = sorted(found)
        return out

    def _feature_index(self, side: str) -> dict[str, list[int]]:
        feats = self.old_feats if side == "old" else self.new_feats
        index: dict[str, list[int]] = {}
        for i, fs in (feats or {}).items():
            for f in fs:
                index.setdefault(f, []).append(i)
        return index

    def _grown_group(self, s: int, source_side: str, part_side: str, partner: int | None,
                     loose: list[int]) -> tuple[list[int], float] | None:
        """The partner plus the loose parts that add coverage, if they pass the thresholds."""
        target = self._set(source_side, s)
        if not target:
            return None
        members: list[int] = []
        covered: set[str] = set()
        singles: list[float] = []
        for p in ([partner] if partner is not None else []) + loose:
            pset = self._set(part_side, p)
            gain = len((pset & target) - covered) / len(target)
            if members and gain < 0.05:
                continue
            members.append(p)
            covered |= pset & target
            singles.append(len(pset & target) / len(target))
        cover = len(covered) / len(target)
        if len(members) < 2 or cover < COVER or cover - max(singles) < GAIN:
            return None
        parts = self.news if part_side == "new" else self.olds
        return sorted(members, key=lambda p: parts[p].order), cover


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs increasing in both coordinates (pairs sorted by the first)."""
    if not pairs:
        return []
    tails: list[int] = []  # index into pairs of the smallest tail of each length
    tail_values: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for i, (_, b) in enumerate(pairs):
        k = bisect.bisect_left(tail_values, b)
        if k > 0:
            back[i] = tails[k - 1]
        if k == len(tails):
            tails.append(i)
            tail_values.append(b)
        else:
            tails[k] = i
            tail_values[k] = b
    out = []
    i = tails[-1]
    while i >= 0:
        out.append(pairs[i])
        i = back[i]
    return out[::-1]
