"""Charts as SVG geometry for the templates: monthly bars (cooperation above the line, conflict
below it) and the actor network on a circle. No script: the browser draws what the page says,
and each bar carries a <title> tooltip with its figures. Colours come from the stylesheet by
class (`coop-verbal`, `coop-material`, `conflict-verbal`, `conflict-material`).
"""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup, escape

Layer = tuple[str, str, str]  # (key in a month's row, label, CSS class)

COOPERATION: list[Layer] = [("material cooperation", "material cooperation", "coop-material"),
                            ("verbal cooperation", "verbal cooperation", "coop-verbal")]
CONFLICT: list[Layer] = [("verbal conflict", "verbal conflict", "conflict-verbal"),
                         ("material conflict", "material conflict", "conflict-material")]


def month_range(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ("2024-11" .. "2025-02"), so gaps show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_bars(rows: list[dict[str, Any]], up: list[Layer], down: list[Layer],
               width: int = 860, height: int = 240, max_months: int = 60,
               min_months: int = 12, span: tuple[str, str] | None = None,
               limits: tuple[int, int] | None = None) -> dict[str, Any] | None:
    """Bars per month: `up` layers stacked above the baseline, `down` layers below it, over at
    most `max_months` up to the latest (one long-running event dated decades back would
    otherwise squash every bar to a hairline; what falls before is counted in `omitted`) and
    at least `min_months`; `span` (first and last month) and `limits` (the tallest bar above
    and below the line) put several charts on one scale. None when there is nothing to draw."""
    rows = [r for r in rows if r.get("month") and len(r["month"]) >= 7]
    if not rows and span is None:
        return None
    by_month = {r["month"][:7]: r for r in rows}
    months = _window(span or (min(by_month), max(by_month)), max_months, min_months)
    keys = [k for k, _, _ in (*up, *down)]
    omitted = sum(sum(r.get(k, 0) for k in keys) for m, r in by_month.items() if m < months[0])
    top, bottom = limits or _limits(by_month, months, up, down)
    total = (top + bottom) or 1
    margin_left, margin_bottom, margin_top = 36, 22, 8
    plot_h = height - margin_bottom - margin_top
    scale = plot_h / total
    baseline = margin_top + top * scale
    step = (width - margin_left) / len(months)
    bar_w = max(step * 0.8, 1.0)
    bars = []
    for i, month in enumerate(months):
        row = by_month.get(month, {})
        x = margin_left + i * step + (step - bar_w) / 2
        rects = []
        y = baseline
        for key, label, css in up:
            value = row.get(key, 0)
            if value:
                y -= value * scale
                rects.append({"x": x, "y": y, "w": bar_w, "h": value * scale, "cls": css,
                              "label": f"{value} {label}"})
        y = baseline
        for key, label, css in down:
            value = row.get(key, 0)
            if value:
                rects.append({"x": x, "y": y, "w": bar_w, "h": value * scale, "cls": css,
                              "label": f"{value} {label}"})
                y += value * scale
        title = f"{month}: " + (", ".join(r["label"] for r in rects) or "nothing")
        bars.append({"month": month, "rects": rects, "title": title, "x": x, "w": bar_w})
    return {"width": width, "height": height, "baseline": baseline, "left": margin_left,
            "bars": bars, "ticks": _ticks(months, step, margin_left), "top": top,
            "bottom": bottom, "top_y": margin_top, "bottom_y": margin_top + plot_h,
            "legend": [(label, css) for _, label, css in [*up, *down]],
            "omitted": omitted, "first": months[0]}


def paired_month_bars(first: list[dict[str, Any]], second: list[dict[str, Any]],
                      up: list[Layer], down: list[Layer], **options: Any,
                      ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """Two charts on one time axis and one scale (a pair's two directions), so that their bars
    compare; (None, None) when neither has anything to draw."""
    months = [r["month"][:7] for r in (*first, *second) if r.get("month")]
    if not months:
        return None, None
    span = (min(months), max(months))
    window = _window(span, options.get("max_months", 60), options.get("min_months", 12))
    limits = [_limits({r["month"][:7]: r for r in rows}, window, up, down)
              for rows in (first, second)]
    shared = (max(a for a, _ in limits), max(b for _, b in limits))
    return (month_bars(first, up, down, span=span, limits=shared, **options),
            month_bars(second, up, down, span=span, limits=shared, **options))


def _window(span: tuple[str, str], max_months: int, min_months: int) -> list[str]:
    first, last = span
    return month_range(min(first, _months_before(last, min_months - 1)), last)[-max_months:]


def _limits(by_month: dict[str, dict[str, Any]], months: list[str], up: list[Layer],
            down: list[Layer]) -> tuple[int, int]:
    top = max((sum(by_month.get(m, {}).get(k, 0) for k, _, _ in up) for m in months), default=0)
    bottom = max((sum(by_month.get(m, {}).get(k, 0) for k, _, _ in down) for m in months),
                 default=0)
    return top, bottom


def _months_before(month: str, count: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _ticks(months: list[str], step: float, left: float) -> list[dict[str, Any]]:
    """Month labels at least 48 pixels apart: every month, every January, or every few years."""
    if step * 1 >= 48:
        wanted = months
    else:
        every = 1
        while every * 12 * step < 48:
            every += 1
        wanted = [m for m in months if m.endswith("-01") and int(m[:4]) % every == 0] or \
            months[:1]
    label_year = step < 48
    return [{"x": left + months.index(m) * step + step / 2,
             "label": m[:4] if label_year else m} for m in wanted]


def circle_layout(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                  size: int = 640) -> dict[str, Any]:
    """Nodes on a circle, busiest first from the top; node area grows with its events, an edge's
    width with its events, curved so that A->B and B->A stay apart; coloured by whether the
    pair's events are mostly cooperation or conflict."""
    centre, radius = size / 2, size / 2 - 60
    ordered = sorted(nodes, key=lambda n: (-n["weight"], n["id"]))
    heaviest = max((n["weight"] for n in ordered), default=1) or 1
    placed = {}
    for i, node in enumerate(ordered):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ordered), 1)
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        placed[node["id"]] = {
            **node, "x": x, "y": y, "r": 4 + 14 * math.sqrt(node["weight"] / heaviest),
            "lx": centre + (radius + 26) * math.cos(angle),
            "ly": centre + (radius + 26) * math.sin(angle) + 4}
    widest = max((e["weight"] for e in edges), default=1) or 1
    drawn = []
    for edge in sorted(edges, key=lambda e: e["weight"]):
        a, b = placed.get(edge["source"]), placed.get(edge["target"])
        if a is None or b is None:
            continue
        # bend towards the centre by a tenth of the chord: the reverse edge bends the other way
        mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
        dx, dy = b["x"] - a["x"], b["y"] - a["y"]
        cx, cy = mx - dy * 0.12, my + dx * 0.12
        # stop at the target's rim, so the arrowhead shows
        tx, ty = b["x"] - cx, b["y"] - cy
        length = math.hypot(tx, ty) or 1
        ex, ey = b["x"] - tx / length * (b["r"] + 2), b["y"] - ty / length * (b["r"] + 2)
        kind = "coop" if edge.get("cooperation", 0) >= edge.get("conflict", 0) else "conflict"
        drawn.append({**edge, "path": f"M{a['x']:.1f},{a['y']:.1f} Q{cx:.1f},{cy:.1f} "
                                      f"{ex:.1f},{ey:.1f}",
                      "width": 0.8 + 5 * edge["weight"] / widest, "cls": f"edge-{kind}"})
    return {"size": size, "nodes": list(placed.values()), "edges": drawn}


def bars_svg(chart: dict[str, Any], label: str) -> Markup:
    """`month_bars` geometry as SVG markup (written here rather than in a template: a chart is
    a thousand small elements, and this is ten times faster than the template was). Every
    piece of text is escaped."""
    c = chart
    out = [f'<svg class="chart" viewBox="0 0 {c["width"]} {c["height"]}" role="img" '
           f'aria-label="{escape(label)}">',
           f'<line class="axis" x1="{c["left"]}" x2="{c["width"]}" y1="{c["baseline"]:.1f}" '
           f'y2="{c["baseline"]:.1f}"/>']
    right = c["left"] - 6
    if c["top"]:
        out.append(f'<text class="axis-label" x="{right}" y="{c["top_y"] + 9}" '
                   f'text-anchor="end">{c["top"]}</text>')
        out.append(f'<text class="axis-caption" x="{c["left"] + 6}" y="{c["top_y"] + 10}">'
                   "▲ cooperation</text>")
    if c["bottom"]:
        out.append(f'<text class="axis-label" x="{right}" y="{c["bottom_y"]:.1f}" '
                   f'text-anchor="end">{c["bottom"]}</text>')
        out.append(f'<text class="axis-caption" x="{c["left"] + 6}" y="{c["bottom_y"] - 4:.1f}">'
                   "▼ conflict</text>")
    out.append(f'<text class="axis-label" x="{right}" y="{c["baseline"] + 4:.1f}" '
               'text-anchor="end">0</text>')
    hit_h = c["bottom_y"] - c["top_y"]
    for bar in c["bars"]:
        out.append(f'<g class="bar"><title>{escape(bar["title"])}</title>'
                   f'<rect class="hit" x="{bar["x"]:.1f}" y="{c["top_y"]}" '
                   f'width="{bar["w"]:.1f}" height="{hit_h:.1f}"/>')
        out.extend(f'<rect class="{r["cls"]}" x="{r["x"]:.1f}" y="{r["y"]:.1f}" '
                   f'width="{r["w"]:.1f}" height="{r["h"]:.1f}"/>' for r in bar["rects"])
        out.append("</g>")
    out.extend(f'<text class="tick" x="{t["x"]:.1f}" y="{c["height"] - 6}" '
               f'text-anchor="middle">{escape(t["label"])}</text>' for t in c["ticks"])
    out.append("</svg>")
    return Markup("".join(out))
