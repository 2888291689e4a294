"""Where the print map's stop labels go: beside their marker, in the first of eight directions
and three distances where they overlap no other label or marker (a leader line when away from
the marker), never over the title, legend, inset, scale bar or credit; labels still
overlapping are handed to adjustText. The parameters are the theme's (``print.labels`` in
``theme.json``, :func:`itinerary.theme.label_placement`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from itinerary.render.static.projection import aspect_fit
from itinerary.theme import LabelPlacement, label_placement


def fit_texts(fig: Any, ax: Any, proj: Any, ext: tuple[float, ...], texts: list[Any], aspect: float) -> Any:
    """Widen the view so every label, as first placed, fits inside it (keeping the aspect)."""
    if not texts:
        return ext
    r = fig.canvas.get_renderer()
    inv = ax.transData.inverted()
    boxes = np.array([inv.transform(t.get_window_extent(r).get_points()) for t in texts]).reshape(-1, 2)
    x0, x1 = min(ext[0], float(boxes[:, 0].min())), max(ext[1], float(boxes[:, 0].max()))
    y0, y1 = min(ext[2], float(boxes[:, 1].min())), max(ext[3], float(boxes[:, 1].max()))
    mx, my = (x1 - x0) * 0.02, (y1 - y0) * 0.02
    new = aspect_fit(proj, (x0 - mx, x1 + mx, y0 - my, y1 + my), aspect)
    ax.set_xlim(new[0], new[1])
    ax.set_ylim(new[2], new[3])
    return new


def _candidates(
    x: float, y: float, w: float, h: float, r: float, unit: float, lp: LabelPlacement
) -> np.ndarray:
    """(x0, y0, x1, y1, gap) rows: label boxes around a stop, nearest first."""
    rows = []
    for gap in lp.gaps_pt:
        g = r + gap * unit
        for dx, dy in lp.directions:
            x0 = x + g if dx > 0 else x - g - w if dx < 0 else x - w / 2
            y0 = y + g if dy > 0 else y - g - h if dy < 0 else y - h / 2
            rows.append((x0, y0, x0 + w, y0 + h, gap))
    return np.array(rows)


def _overlaps(cands: np.ndarray, placed: np.ndarray) -> np.ndarray:
    """Total overlap area of each candidate box with the placed boxes."""
    w = np.minimum(cands[:, None, 2], placed[None, :, 2]) - np.maximum(cands[:, None, 0], placed[None, :, 0])
    h = np.minimum(cands[:, None, 3], placed[None, :, 3]) - np.maximum(cands[:, None, 1], placed[None, :, 1])
    out: np.ndarray = (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)
    return out


def _hard_boxes(avoid: list[Any] | None, pad: float) -> np.ndarray:
    """The boxes no label may cover, grown by ``pad`` (their frames reach beyond their text)."""
    hard = np.asarray(avoid or [], dtype=float).reshape(-1, 4)
    return np.column_stack([hard[:, 0] - pad, hard[:, 1] - pad, hard[:, 2] + pad, hard[:, 3] + pad])


def place_labels(
    ax: Any, texts: list[Any], xy: np.ndarray, time_lim: float = 1.0, avoid: list[Any] | None = None
) -> int:
    """Put each label beside its stop where it overlaps no other label or stop (eight directions,
    three distances, a leader line when it sits away from the stop); labels that still overlap
    are handed to adjustText. The ``avoid`` boxes (title, legend, inset, scale bar, credit) are
    never covered: a label adjustText moves onto one goes back to its first place. Returns how
    many labels overlapped after the first pass."""
    if not texts:
        return 0
    lp = label_placement()
    unit = ax.figure.dpi / 72.0
    pts = ax.transData.transform(xy)
    r = lp.stop_radius_pt * unit
    placed = np.column_stack([pts[:, 0] - r, pts[:, 1] - r, pts[:, 0] + r, pts[:, 1] + r])
    hard = _hard_boxes(avoid, lp.clear_of_furniture_pt * unit)
    left: list[Any] = []
    for t, stop in zip(texts, pts, strict=True):
        box, clear = _place_one(ax, t, stop, placed, hard, lp)
        placed = np.vstack([placed, box])
        if not clear:
            left.append(t)
    if left:
        _adjust_rest(ax, left, hard, time_lim, lp)
    return len(left)


def _place_one(
    ax: Any, t: Any, stop: np.ndarray, placed: np.ndarray, hard: np.ndarray, lp: LabelPlacement
) -> tuple[np.ndarray, bool]:
    """Move ``t`` into the least crowded candidate box nearest its stop, with a leader line when
    the box is not the nearest ring. Returns the box and whether it overlaps nothing."""
    unit = ax.figure.dpi / 72.0
    fx0, fy0, fx1, fy1 = ax.bbox.extents
    x, y = stop
    ext = t.get_window_extent(ax.figure.canvas.get_renderer())
    pw, ph = lp.box_pad_pt
    c = _candidates(x, y, ext.width + pw * unit, ext.height + ph * unit, lp.stop_radius_pt * unit, unit, lp)
    outside = (c[:, 0] < fx0) | (c[:, 1] < fy0) | (c[:, 2] > fx1) | (c[:, 3] > fy1)
    cost = _overlaps(c, placed) + outside * 1e12 + (_overlaps(c, hard) > 0) * 1e9
    k = int(np.argmin(cost))  # the nearest candidate among the least crowded
    best = c[k]
    inv = ax.transData.inverted()
    t.set_ha("left")
    t.set_va("bottom")
    t.set_position(inv.transform((best[0] + pw / 2 * unit, best[1] + ph / 2 * unit)))  # centred in the box
    if best[4] > lp.gaps_pt[0]:
        end = (min(max(x, best[0]), best[2]), min(max(y, best[1]), best[3]))
        line = inv.transform([(x, y), end])
        ax.plot(line[:, 0], line[:, 1], color=lp.leader_color, linewidth=lp.leader_width, zorder=7)
    return best[:4], bool(cost[k] <= 0)


def _adjust_rest(ax: Any, left: list[Any], hard: np.ndarray, time_lim: float, lp: LabelPlacement) -> None:
    """adjustText for the labels still overlapping; one it moves onto a hard box or off the map
    goes back to its first place."""
    from adjustText import adjust_text

    renderer = ax.figure.canvas.get_renderer()
    fx0, fy0, fx1, fy1 = ax.bbox.extents
    first = [t.get_position() for t in left]
    adjust_text(left, ax=ax, time_lim=time_lim, expand=lp.adjust_expand)
    for t, pos in zip(left, first, strict=True):
        b = t.get_window_extent(renderer)
        box = np.array([[b.x0, b.y0, b.x1, b.y1]])
        if (_overlaps(box, hard) > 0).any() or b.x0 < fx0 or b.y0 < fy0 or b.x1 > fx1 or b.y1 > fy1:
            t.set_position(pos)
