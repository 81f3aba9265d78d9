"""The one charts module: labelled values to an SVG bar chart and its data table."""

import pytest
from django.template.loader import render_to_string

from coproduction.charts import BAR_SPACE, LABEL_WIDTH, bar_chart


def test_bars_are_scaled_to_the_largest_value():
    chart = bar_chart(
        caption="Initiatives by main Co",
        values=[("Co-design", 19), ("Co-assessment", 4)],
        label_heading="Main Co",
        value_heading="Initiatives",
    )
    assert [bar.width for bar in chart.bars] == [BAR_SPACE, round(BAR_SPACE * 4 / 19)]
    assert chart.total == 23
    assert chart.marker_x is None


def test_a_limit_above_every_value_sets_the_scale_and_is_drawn():
    chart = bar_chart(
        caption="Requests each term",
        values=[("Autumn term 2026", 3)],
        label_heading="Term",
        value_heading="Requests",
        marker=6,
        marker_label="the limit of 6",
    )
    assert chart.bars[0].width == BAR_SPACE // 2
    assert chart.marker_x == LABEL_WIDTH + BAR_SPACE


def test_all_zero_values_draw_empty_bars_without_dividing_by_zero():
    chart = bar_chart(caption="c", values=[("a", 0)], label_heading="l", value_heading="v")
    assert chart.bars[0].width == 0


def test_negative_values_are_refused():
    with pytest.raises(ValueError, match="0 or more"):
        bar_chart(caption="c", values=[("a", -1)], label_heading="l", value_heading="v")


def test_the_chart_is_hidden_from_screen_readers_and_its_table_has_every_figure():
    chart = bar_chart(
        caption="Initiatives by main Co",
        values=[("Co-design", 19, "/birmingham/initiatives/?co=co_design"), ("Co-delivery", 17)],
        label_heading="Main Co",
        value_heading="Initiatives",
    )
    html = render_to_string("includes/bar_chart.html", {"chart": chart})
    assert 'aria-hidden="true"' in html
    assert "<caption" in html
    assert "Initiatives by main Co" in html
    assert '<th scope="row" class="govuk-table__header">Co-delivery</th>' in html
    assert 'href="/birmingham/initiatives/?co=co_design"' in html
    without_table = render_to_string(
        "includes/bar_chart.html", {"chart": chart, "with_table": False}
    )
    assert "<table" not in without_table
