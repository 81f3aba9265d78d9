"""Accessible bar charts: labelled values in, an SVG and the data table it describes out.

Every chart in the portal goes through `bar_chart` and `templates/includes/bar_chart.html`:
the SVG is hidden from assistive technology (`aria-hidden`), because the table beside it
carries the same figures; it scales to its container, so it never makes a page scroll
sideways at 320 px. Charts come with their data table (our accessibility standard).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Geometry in SVG user units; the SVG scales to the width it is given.
LABEL_WIDTH = 210
BAR_SPACE = 300
VALUE_SPACE = 50
ROW_HEIGHT = 36
BAR_HEIGHT = 24
LABEL_CHARACTERS = 26


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: float
    href: str = ""
    # Geometry, filled in by bar_chart.
    y: int = 0
    text_y: int = 0
    width: int = 0
    value_x: int = 0

    @property
    def short_label(self) -> str:
        """The label as drawn: long labels are cut (the table has them whole)."""
        if len(self.label) <= LABEL_CHARACTERS:
            return self.label
        return self.label[: LABEL_CHARACTERS - 1].rstrip() + "…"


@dataclass(frozen=True)
class BarChart:
    caption: str
    label_heading: str
    value_heading: str
    bars: list[ChartBar]
    width: int
    height: int
    bar_x: int
    bar_height: int
    marker_x: int | None = None
    marker_label: str = ""

    @property
    def total(self) -> float:
        return sum(bar.value for bar in self.bars)


def bar_chart(
    *,
    caption: str,
    values: Iterable[tuple[str, float] | tuple[str, float, str]],
    label_heading: str,
    value_heading: str,
    marker: float | None = None,
    marker_label: str = "",
) -> BarChart:
    """A horizontal bar chart of `values`: (label, value) or (label, value, link) in order.

    `caption` names the chart and its table; `label_heading` and `value_heading` head the
    table's columns. `marker` draws a dashed line at that value (a limit or a target), named
    by `marker_label` in the text under the chart. Values must be 0 or more; bars are scaled
    to the largest value or the marker, whichever is bigger.
    """
    rows = [(row[0], row[1], row[2] if len(row) > 2 else "") for row in values]
    if any(value < 0 for _, value, _ in rows):
        raise ValueError("bar chart values must be 0 or more")
    top = max([marker or 0, *(value for _, value, _ in rows)]) or 1
    bars = []
    for index, (label, value, href) in enumerate(rows):
        width = round(BAR_SPACE * value / top)
        bars.append(
            ChartBar(
                label=str(label),
                value=value,
                href=href,
                y=index * ROW_HEIGHT + 6,
                text_y=index * ROW_HEIGHT + 6 + BAR_HEIGHT - 6,
                width=width,
                value_x=LABEL_WIDTH + width + 6,
            )
        )
    return BarChart(
        caption=caption,
        label_heading=label_heading,
        value_heading=value_heading,
        bars=bars,
        width=LABEL_WIDTH + BAR_SPACE + VALUE_SPACE,
        height=len(bars) * ROW_HEIGHT + 8,
        bar_x=LABEL_WIDTH,
        bar_height=BAR_HEIGHT,
        marker_x=None if marker is None else LABEL_WIDTH + round(BAR_SPACE * marker / top),
        marker_label=marker_label,
    )
