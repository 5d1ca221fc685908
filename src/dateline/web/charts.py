"""Server-drawn SVG charts: cooperation/conflict over time, bar lists and the actor network.

Everything is built from numbers and escaped labels, styled by classes and presentation
attributes only, so the pages work under a CSP without inline styles or scripts.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from urllib.parse import quote

import networkx as nx
from markupsafe import Markup, escape

from dateline.events.ontology import CONFLICT_QUADS, COOPERATION_QUADS, Ontology


def tone(event: str | None, quad: int | float | None = None) -> str:
    """'coop', 'conflict' or 'neutral' for a quad class, else for the QuadClass the ontology
    gives the event type, so a label always agrees with the exports' QuadClass."""
    if quad is None or (isinstance(quad, float) and math.isnan(quad)):
        quad = _type_quad(event)
    if quad is not None:
        if int(quad) in COOPERATION_QUADS:
            return "coop"
        if int(quad) in CONFLICT_QUADS:
            return "conflict"
    return "neutral"


def _type_quad(event: str | None) -> int | None:
    try:
        return Ontology.load().quad_class(event) if event else None
    except KeyError:
        return None


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def timeline_svg(
    rows: Sequence[tuple[str, int, int]], width: int = 960, height: int = 230
) -> Markup:
    """Diverging bars per period: cooperation above the axis (blue), conflict below (red)."""
    if not rows:
        return Markup('<p class="empty">No dated events for this pair.</p>')
    left, right, top, bottom = 44, 12, 28, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(max(c, k) for _, c, k in rows) or 1
    mid = top + plot_h / 2
    scale = (plot_h / 2 - 4) / peak
    step = plot_w / len(rows)
    bar = max(2.0, min(36.0, step * 0.6))
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Cooperation and conflict events per period">',
        f'<text class="legend coop" x="{left}" y="14">■ cooperation (up)</text>',
        f'<text class="legend conflict" x="{left + 150}" y="14">■ conflict (down)</text>',
        f'<line class="grid" x1="{left}" x2="{width - right}" y1="{top}" y2="{top}"/>',
        f'<line class="grid" x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}"/>',
        f'<line class="axis" x1="{left}" x2="{width - right}" y1="{_n(mid)}" y2="{_n(mid)}"/>',
        f'<text class="tick" x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>',
        f'<text class="tick" x="{left - 6}" y="{_n(mid + 4)}" text-anchor="end">0</text>',
        f'<text class="tick" x="{left - 6}" y="{top + plot_h + 4}" text-anchor="end">{peak}</text>',
    ]
    label_every = max(1, math.ceil(len(rows) / 10))
    for i, (period, coop, conflict) in enumerate(rows):
        x = left + i * step + (step - bar) / 2
        label = escape(period)
        if coop:
            h = coop * scale
            parts.append(
                f'<rect class="bar coop" x="{_n(x)}" y="{_n(mid - h)}" width="{_n(bar)}" '
                f'height="{_n(h)}"><title>{label}: {coop} cooperative</title></rect>'
            )
        if conflict:
            h = conflict * scale
            parts.append(
                f'<rect class="bar conflict" x="{_n(x)}" y="{_n(mid)}" width="{_n(bar)}" '
                f'height="{_n(h)}"><title>{label}: {conflict} conflictual</title></rect>'
            )
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{_n(x + bar / 2)}" y="{height - 8}" '
                f'text-anchor="middle">{label}</text>'
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def bars_svg(
    items: Sequence[tuple[str, int]],
    width: int = 460,
    row: int = 24,
    css: Sequence[str] | None = None,
    links: Sequence[str | None] | None = None,
) -> Markup:
    """Horizontal bars with labels, e.g. the event mix by type or the top partners."""
    if not items:
        return Markup('<p class="empty">Nothing yet.</p>')
    label_w, count_w = 150, 40
    peak = max(n for _, n in items) or 1
    height = row * len(items) + 4
    parts = [f'<svg class="chart bars" viewBox="0 0 {width} {height}" role="img">']
    for i, (label, n) in enumerate(items):
        y = i * row + 2
        w = (width - label_w - count_w) * n / peak
        cls = escape(css[i]) if css else "neutral"
        text = f'<text class="label" x="{label_w - 6}" y="{y + row * 0.68:.1f}" text-anchor="end">{escape(label)}</text>'
        if links and links[i]:
            text = f'<a href="{escape(links[i])}">{text}</a>'
        parts.append(text)
        parts.append(
            f'<rect class="bar {cls}" x="{label_w}" y="{y + 3}" width="{_n(max(w, 1))}" '
            f'height="{row - 7}"><title>{escape(label)}: {n}</title></rect>'
        )
        parts.append(
            f'<text class="count" x="{_n(label_w + max(w, 1) + 4)}" y="{y + row * 0.68:.1f}">{n}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _unit(pos: dict) -> dict[str, tuple[float, float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    dx, dy = (max(xs) - x0) or 1.0, (max(ys) - y0) or 1.0
    return {n: ((p[0] - x0) / dx, (p[1] - y0) / dy) for n, p in pos.items()}


def _component(graph: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    nodes = list(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    if len(nodes) == 2:
        return {nodes[0]: (0.15, 0.5), nodes[1]: (0.85, 0.5)}
    k = 2.0 / math.sqrt(len(nodes))
    return _unit(nx.spring_layout(graph, seed=seed, k=k, weight="weight", iterations=150))


def _boxes(sizes: list[int]) -> list[tuple[float, float, float, float]]:
    """Boxes (x, y, w, h) in the unit square: a big first component on the left, the small ones
    in a column beside it; or a grid when no component dominates."""
    total = sum(sizes)
    if len(sizes) == 1:
        return [(0.0, 0.0, 1.0, 1.0)]
    if sizes[0] >= 0.4 * total:
        rest = len(sizes) - 1
        cols = 1 if rest <= 4 else 2
        rows = math.ceil(rest / cols)
        w, h = 0.22 / cols, 1.0 / rows
        return [(0.0, 0.0, 0.74, 1.0)] + [
            (0.78 + (i % cols) * w, (i // cols) * h, w, h) for i in range(rest)
        ]
    cols = math.ceil(math.sqrt(len(sizes)))
    rows = math.ceil(len(sizes) / cols)
    return [((i % cols) / cols, (i // cols) / rows, 1 / cols, 1 / rows) for i in range(len(sizes))]


def layout(graph: nx.DiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in the unit square, deterministic for a given graph and seed: a spring layout
    per connected component, the components packed side by side."""
    if graph.number_of_nodes() == 0:
        return {}
    und = nx.Graph()
    und.add_nodes_from(graph.nodes)
    for a, b, d in graph.edges(data=True):
        w = float(d.get("weight", d.get("count", 1)) or 1)
        if und.has_edge(a, b):
            und[a][b]["weight"] += w
        else:
            und.add_edge(a, b, weight=w)
    for _a, _b, d in und.edges(data=True):  # heavy pairs pull together, but only a little
        d["weight"] = 1.0 + math.log(d["weight"])
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), sorted(map(str, c))))
    out: dict[str, tuple[float, float]] = {}
    for comp, (bx, by, bw, bh) in zip(comps, _boxes([len(c) for c in comps]), strict=True):
        pad_x, pad_y = bw * 0.14, bh * 0.1
        for n, (x, y) in _component(und.subgraph(comp), seed).items():
            out[str(n)] = (bx + pad_x + x * (bw - 2 * pad_x), by + pad_y + y * (bh - 2 * pad_y))
    return out


def network_svg(
    nodes: Sequence[dict], edges: Sequence[dict], width: int = 900, height: int = 600
) -> Markup:
    """Actors as circles (size by events), directed edges coloured by their cooperation share.

    ``nodes``: dicts with ``id``, ``label``, ``x``, ``y`` (unit square), ``events``;
    ``edges``: dicts with ``source``, ``target``, ``count``, ``coop``, ``conflict``.
    """
    if not nodes:
        return Markup('<p class="empty">No actors in this period.</p>')
    pad = 60
    pos = {
        n["id"]: (pad + n["x"] * (width - 2 * pad), pad + n["y"] * (height - 2 * pad))
        for n in nodes
    }
    peak_edge = max((e["count"] for e in edges), default=1) or 1
    peak_node = max((n["events"] for n in nodes), default=1) or 1
    parts = [
        f'<svg class="chart network" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Actor network">',
        "<defs>",
        *(
            f'<marker id="arrow-{c}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
            f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto"><path class="arrow {c}" d="M0,0L10,5L0,10z"/></marker>'
            for c in ("coop", "conflict", "neutral")
        ),
        '</defs><g class="edges">',
    ]
    radius = {n["id"]: 6 + 14 * math.sqrt(n["events"] / peak_node) for n in nodes}
    for e in edges:
        if e["source"] not in pos or e["target"] not in pos or e["source"] == e["target"]:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        dist = math.hypot(x2 - x1, y2 - y1) or 1
        # stop at the circle's rim and bend slightly so A->B and B->A stay apart
        r2 = radius[e["target"]] + 3
        ex, ey = x2 - (x2 - x1) * r2 / dist, y2 - (y2 - y1) * r2 / dist
        mx, my = (x1 + ex) / 2 + (ey - y1) * 0.12, (y1 + ey) / 2 - (ex - x1) * 0.12
        total = e["coop"] + e["conflict"]
        cls = "neutral" if total == 0 else ("coop" if e["coop"] >= e["conflict"] else "conflict")
        w = 1 + 5 * e["count"] / peak_edge
        label = escape(
            f"{e['source']} → {e['target']}: {e['count']} events "
            f"({e['coop']} cooperative, {e['conflict']} conflictual)"
        )
        href = escape(
            f"/dyads/{quote(str(e['source']), safe='')}/{quote(str(e['target']), safe='')}"
        )
        parts.append(
            f'<a href="{href}"><path class="edge {cls}" d="M{_n(x1)},{_n(y1)} Q{_n(mx)},{_n(my)} '
            f'{_n(ex)},{_n(ey)}" stroke-width="{_n(w)}" marker-end="url(#arrow-{cls})">'
            f"<title>{label}</title></path></a>"
        )
    parts.append('</g><g class="nodes">')
    for n in nodes:
        x, y = pos[n["id"]]
        href = escape(f"/actors/{quote(str(n['id']), safe='')}")
        parts.append(
            f'<a href="{href}" class="node"><circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius[n["id"]])}">'
            f"<title>{escape(n['label'])}: {n['events']} events</title></circle>"
            f'<text x="{_n(x)}" y="{_n(y - radius[n["id"]] - 5)}" text-anchor="middle">'
            f"{escape(n['label'])}</text></a>"
        )
    parts.append("</g></svg>")
    return Markup("".join(parts))
