"""Who had which figure when: a numeric or date slot drawn against publication time, as inline SVG.

A slot is a set of claims a fact's findings compare with each other (a death toll, a meeting
date). When outlets state it in articles published on different days, `slot_timelines` gives
one point per outlet, article and value, and `render_timeline` draws them: publication date
across, the value up, one mark shape per outlet, an outlet's points joined by a line (an update),
and a value set against another in a contradiction drawn filled, others hollow. The chart reads
without colour: shapes, fills and text labels carry everything, colour only repeats it.

The SVG has no script, no external reference and no style attribute (the report's CSP allows
only the page's hashed stylesheet); every piece of text goes through `Markup.format`, which
escapes it, because outlet names come from the untrusted batch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from factcheck.describe import describe_slot, describe_value
from factcheck.records import Article, Claim, DateValue, Finding, QuantityValue, Report
from factcheck.verdicts import Verdict

TIMELINE_KINDS = ("quantity", "date")
WIDTH, HEIGHT = 640, 190
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 190, 24, 14, 34
LABEL_GAP = 13  # least vertical distance between two value labels, in px
STACK_STEP = 9  # horizontal offset between marks at the same date and value, in px
STACK_BAND = 0.7  # a crowd of marks at one date and value spreads over at most this share of the gap between dates
CROWD_LABEL_FROM = 4  # a crowd of this many marks or more is labelled with its size, "x12" with a multiplication sign
SHAPES = ("circle", "square", "triangle", "diamond", "down", "cross")
LABEL_LIMIT = 30  # value labels longer than this are cut (the full words are in the mark's title)


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """One outlet's value in one article, at the article's publication date."""

    outlet: str
    article_id: str
    published: date
    low: float  # the value's lower end on the axis (a number, or a date as a day ordinal)
    high: float  # its upper end; equal to `low` for a single value
    words: str  # the value in words (describe_value)
    contradicted: bool  # the value is set against another in a contradiction


@dataclass(frozen=True, slots=True)
class Timeline:
    """The points of one slot of one fact, in (published, outlet, value) order."""

    fact_id: str
    slot: str  # the slot in words (describe_slot)
    kind: str  # "quantity" or "date"
    points: tuple[TimelinePoint, ...]

    @property
    def outlets(self) -> list[str]:
        """The outlets in the order of their first point."""
        return list(dict.fromkeys(p.outlet for p in self.points))


def _axis_range(claim: Claim) -> tuple[float, float] | None:
    """Where a claim's value sits on the value axis, or None if it cannot be placed."""
    v = claim.value
    if isinstance(v, DateValue):
        days = [float(d.toordinal()) for d in (v.start, v.end) if d is not None]
        return (min(days), max(days)) if days else None
    if isinstance(v, QuantityValue):
        ends: list[float] = [x for x in (v.low, v.high) if x is not None and abs(x) != float("inf")]
        if v.point is not None and not ends:
            ends = [v.point]
        if not ends:
            return None
        return min(ends), max(ends)
    return None


def _slots(findings: Iterable[Finding]) -> list[list[str]]:
    """Groups of claim ids that findings compare with each other (connected through findings)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for finding in findings:
        ids = list(finding.claim_ids)
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
        if ids:
            root(ids[0])
    groups: dict[str, list[str]] = {}
    for cid in parent:
        groups.setdefault(root(cid), []).append(cid)
    return list(groups.values())


def slot_timelines(report: Report, fact_id: str, names: Mapping[str, str] | None = None) -> list[Timeline]:
    """The timelines of a fact: one per numeric or date slot stated on different publication dates.

    Args:
        report: the run's report.
        fact_id: the fact whose findings define the slots.
        names: article id -> outlet name (defaults to each article's outlet).

    Returns:
        One Timeline per slot whose claims come from at least two outlets and two publication
        dates and hold at least two different values, in the order of the slots' first claims.
    """
    articles: dict[str, Article] = {a.id: a for a in report.articles}
    names = names or {a.id: a.outlet or a.id for a in report.articles}
    claims = {c.id: c for c in report.claims}
    order = {c.id: i for i, c in enumerate(report.claims)}
    findings = [f for f in report.findings if f.fact_id == fact_id]
    contradicted = {cid for f in findings if f.verdict == Verdict.CONTRADICT for cid in f.claim_ids}
    out = []
    for group in sorted(_slots(findings), key=lambda g: min(order.get(c, 0) for c in g)):
        members = sorted((claims[c] for c in group if c in claims), key=lambda c: order[c.id])
        if not members or members[0].kind not in TIMELINE_KINDS or any(c.kind != members[0].kind for c in members):
            continue
        points: dict[tuple[str, str, str], TimelinePoint] = {}
        for claim in members:
            article = articles.get(claim.article_id)
            span = _axis_range(claim)
            if article is None or article.published is None or span is None:
                continue
            words = describe_value(claim)
            key = (names.get(article.id, article.id), article.id, words)
            old = points.get(key)
            points[key] = TimelinePoint(
                outlet=key[0],
                article_id=article.id,
                published=article.published,
                low=span[0],
                high=span[1],
                words=words,
                contradicted=claim.id in contradicted or (old is not None and old.contradicted),
            )
        found = sorted(points.values(), key=lambda p: (p.published, p.outlet.casefold(), p.outlet, p.low, p.words))
        # a timeline shows who had which value when: it needs two dates, two outlets and two values
        if len({p.published for p in found}) < 2 or len({p.outlet for p in found}) < 2:
            continue
        if len({(p.low, p.high) for p in found}) < 2:
            continue
        out.append(Timeline(fact_id=fact_id, slot=describe_slot(members), kind=members[0].kind, points=tuple(found)))
    return out


# --- drawing ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlacedPoint:
    """A point with its position in the SVG, in px."""

    point: TimelinePoint
    x: float
    x_day: float  # where its publication date is on the axis (a crowd is centred on it)
    y_low: float
    y_high: float
    shape: str
    crowd: int  # how many marks share its date and value


def _scale(lo: float, hi: float, out_lo: float, out_hi: float) -> tuple[float, float]:
    """Slope and offset mapping [lo, hi] onto [out_lo, out_hi]; a single value maps to the middle."""
    if hi == lo:
        return 0.0, (out_lo + out_hi) / 2
    slope = (out_hi - out_lo) / (hi - lo)
    return slope, out_lo - slope * lo


def place_points(timeline: Timeline) -> list[PlacedPoint]:
    """The points' positions: publication date across (left = earliest), value up (top = largest).

    Marks of different outlets at the same date and value are set side by side, centred on the
    date, STACK_STEP apart or closer so that a crowd stays within its day (STACK_BAND of the gap
    to the next date).
    """
    points = timeline.points
    days = sorted({p.published.toordinal() for p in points})
    values = [v for p in points for v in (p.low, p.high)]
    plot_x = (MARGIN_LEFT + 24, WIDTH - MARGIN_RIGHT - 24)
    plot_y = (HEIGHT - MARGIN_BOTTOM - 12, MARGIN_TOP + 22)
    ax, bx = _scale(days[0], days[-1], *plot_x)
    ay, by = _scale(min(values), max(values), *plot_y)
    gap = min((b - a for a, b in itertools.pairwise(days)), default=1) * ax or plot_x[1] - plot_x[0]
    shapes = {o: SHAPES[i % len(SHAPES)] for i, o in enumerate(timeline.outlets)}
    crowd: dict[tuple[int, float, float], int] = {}
    for p in points:
        key = (p.published.toordinal(), p.low, p.high)
        crowd[key] = crowd.get(key, 0) + 1
    seen: dict[tuple[int, float, float], int] = {}
    placed = []
    for p in points:
        key = (p.published.toordinal(), p.low, p.high)
        k, n = seen.get(key, 0), crowd[key]
        seen[key] = k + 1
        step = min(STACK_STEP, STACK_BAND * gap / (n - 1)) if n > 1 else 0.0
        x_day = ax * key[0] + bx
        placed.append(
            PlacedPoint(
                point=p,
                x=x_day + (k - (n - 1) / 2) * step,
                x_day=x_day,
                y_low=ay * p.low + by,
                y_high=ay * p.high + by,
                shape=shapes[p.outlet],
                crowd=n,
            )
        )
    return placed


def _num(x: float) -> str:
    """A coordinate with one decimal."""
    return f"{x:.1f}"


def mark_svg(shape: str, x: float, y: float, *, filled: bool, size: float = 5.0) -> Markup:
    """One mark: a small shape centred on (x, y), filled or hollow."""
    fill = "currentColor" if filled else "#fff"
    common = Markup('fill="{}" stroke="currentColor" stroke-width="1.6"').format(fill)
    s = size
    if shape == "circle":
        return Markup('<circle cx="{}" cy="{}" r="{}" {}/>').format(_num(x), _num(y), _num(s), common)
    if shape == "square":
        return Markup('<rect x="{}" y="{}" width="{}" height="{}" {}/>').format(
            _num(x - s * 0.9), _num(y - s * 0.9), _num(s * 1.8), _num(s * 1.8), common
        )
    if shape == "cross":
        d = f"M{_num(x - s)} {_num(y - s)}L{_num(x + s)} {_num(y + s)}M{_num(x - s)} {_num(y + s)}L{_num(x + s)} {_num(y - s)}"
        width = "3" if filled else "1.6"
        return Markup('<path d="{}" fill="none" stroke="currentColor" stroke-width="{}"/>').format(d, width)
    corners = {
        "triangle": ((0, -1.2), (1.1, 0.9), (-1.1, 0.9)),
        "down": ((0, 1.2), (1.1, -0.9), (-1.1, -0.9)),
        "diamond": ((0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)),
    }[shape]
    pts = " ".join(f"{_num(x + dx * s)},{_num(y + dy * s)}" for dx, dy in corners)
    return Markup('<polygon points="{}" {}/>').format(pts, common)


def _spread(ys: Sequence[float], gap: float, lo: float, hi: float) -> list[float]:
    """Label positions near `ys` (sorted top to bottom) at least `gap` apart, within [lo, hi]."""
    out: list[float] = []
    for y in ys:
        out.append(max(y, out[-1] + gap) if out else max(y, lo))
    overflow = out[-1] - hi if out else 0.0
    if overflow > 0:  # pushed past the bottom: shift up, as far as the top allows
        out = [max(lo + i * gap, y - overflow) for i, y in enumerate(out)]
    return out


def _cut(words: str) -> str:
    """A value label short enough for the left margin."""
    return words if len(words) <= LABEL_LIMIT else words[: LABEL_LIMIT - 1].rstrip() + "…"


def _date_ticks(days: Sequence[int]) -> list[int]:
    """Publication dates to label: all of them when few, else the first, the last and some between."""
    distinct = sorted(set(days))
    if len(distinct) <= 5:
        return distinct
    step = (len(distinct) - 1) / 4
    return sorted({distinct[round(i * step)] for i in range(5)})


def render_timeline(timeline: Timeline) -> Markup:
    """The timeline as an inline `<svg>` with a `<title>`, value and date labels, and one mark per point.

    Each mark is a `<g class="mark">` carrying `data-outlet`, `data-published` and `data-value`
    (the value in words), and a `<title>` that says the same for a reader hovering it.
    """
    placed = place_points(timeline)
    parts: list[Markup] = []
    caption = f"Timeline of {timeline.slot or 'the values'}: value by publication date, one mark shape per outlet"
    parts.append(
        Markup(
            '<svg class="timeline" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
            'aria-label="{cap}" data-fact="{fact}" xmlns="http://www.w3.org/2000/svg"><title>{cap}</title>'
        ).format(w=WIDTH, h=HEIGHT, cap=caption, fact=timeline.fact_id)
    )
    left, right = MARGIN_LEFT, WIDTH - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, HEIGHT - MARGIN_BOTTOM
    parts.append(
        Markup('<path class="axis" d="M{} {}V{}H{}" fill="none" stroke="#888"/>').format(left, top, bottom, right)
    )
    # value labels on the left, one per distinct value, spread so they never overlap
    labels: dict[str, float] = {}
    for pp in placed:
        labels.setdefault(pp.point.words, (pp.y_low + pp.y_high) / 2)
    ordered = sorted(labels.items(), key=lambda kv: kv[1])
    spread = _spread([y for _, y in ordered], LABEL_GAP, top + 4, bottom - 2)
    for (words, y), label_y in zip(ordered, spread, strict=True):
        contradicted = any(pp.point.contradicted and pp.point.words == words for pp in placed)
        parts.append(
            Markup(
                '<path class="grid" d="M{x0} {ly}L{x1} {y}H{x2}" fill="none" stroke="#ccc" stroke-dasharray="2 3"/>'
                '<text class="value{c}" x="{tx}" y="{ly4}" text-anchor="end">{label}</text>'
            ).format(
                x0=left - 6,
                ly=_num(label_y),
                x1=left,
                y=_num(y),
                x2=right,
                c=" contradicted" if contradicted else "",
                tx=left - 8,
                ly4=_num(label_y + 4),
                label=_cut(words),
            )
        )
    # publication dates along the bottom
    xs = {pp.point.published.toordinal(): pp.x_day for pp in placed}
    for day in _date_ticks(list(xs)):
        parts.append(
            Markup(
                '<path d="M{x} {b}v4" stroke="#888"/><text class="date" x="{x}" y="{ty}" text-anchor="middle">{d}</text>'
            ).format(x=_num(xs[day]), b=bottom, ty=bottom + 17, d=date.fromordinal(day).isoformat())
        )
    # an outlet's points joined in publication order: a change of value is an update
    # many outlets' lines would make a band: they fade as the outlets grow in number
    opacity = min(1.0, max(0.12, 3 / len(timeline.outlets)))
    for outlet in timeline.outlets:
        own = [pp for pp in placed if pp.point.outlet == outlet]
        if len(own) > 1:
            d = "M" + "L".join(f"{_num(pp.x)} {_num((pp.y_low + pp.y_high) / 2)}" for pp in own)
            parts.append(
                Markup('<path class="update" d="{}" fill="none" stroke="currentColor" stroke-opacity="{}"/>').format(
                    d, f"{opacity:.2f}"
                )
            )
    labelled: set[tuple[float, float]] = set()
    for pp in placed:
        if pp.crowd >= CROWD_LABEL_FROM and (pp.x_day, pp.y_high) not in labelled:
            labelled.add((pp.x_day, pp.y_high))
            parts.append(
                Markup('<text class="crowd" x="{}" y="{}" text-anchor="middle">×{}</text>').format(
                    _num(pp.x_day), _num(min(pp.y_high, pp.y_low) - 9), pp.crowd
                )
            )
    for pp in placed:
        p = pp.point
        tip = f"{p.outlet}, published {p.published.isoformat()}: {p.words}"
        if p.contradicted:
            tip += " (contradicted)"
        body = Markup("")
        if pp.y_high != pp.y_low:  # an interval: a bar between its ends
            body = Markup('<path d="M{x} {a}V{b}" stroke="currentColor" stroke-width="3"/>').format(
                x=_num(pp.x), a=_num(pp.y_low), b=_num(pp.y_high)
            )
        mid = (pp.y_low + pp.y_high) / 2
        parts.append(
            Markup(
                '<g class="mark{c}" data-outlet="{o}" data-published="{d}" data-value="{v}" '
                'data-x="{x}" data-y="{y}"><title>{tip}</title>{body}{mark}</g>'
            ).format(
                c=" contradicted" if p.contradicted else "",
                o=p.outlet,
                d=p.published.isoformat(),
                v=p.words,
                x=_num(pp.x),
                y=_num(mid),
                tip=tip,
                body=body,
                mark=mark_svg(pp.shape, pp.x, mid, filled=p.contradicted),
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def legend_entries(timeline: Timeline) -> list[dict[str, object]]:
    """Per outlet: its mark (a tiny SVG), its name, and its values in publication order.

    `changed` is True when the outlet's value moved between its articles (an update).
    """
    placed = place_points(timeline)
    out = []
    for outlet in timeline.outlets:
        own = [pp for pp in placed if pp.point.outlet == outlet]
        filled = any(pp.point.contradicted for pp in own)
        icon = Markup(
            '<svg class="legend-mark" viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">{}</svg>'
        ).format(mark_svg(own[0].shape, 7, 7, filled=filled, size=4.5))
        values = [(pp.point.published.isoformat(), pp.point.words) for pp in own]
        out.append(
            {
                "outlet": outlet,
                "icon": icon,
                "values": values,
                "changed": len({w for _, w in values}) > 1,
                "contradicted": filled,
            }
        )
    return out
