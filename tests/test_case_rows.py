"""Notebook 05 without pandas (issue 15): the cases as plain rows give the same table, filters and figures."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kit.cases import case_rows, cases_frame, filter_cases, filter_rows, records


def test_rows_are_the_frames_records_in_the_same_order():
    assert case_rows() == records(cases_frame())


@pytest.mark.parametrize("filters", [
    {}, {"year": [2024]}, {"default": "in"}, {"mechanism": "form"}, {"region": "worldwide"},
    {"year": [2023, 2024], "default": "in"}, {"default": "nothing-like-this"},
])
def test_filtering_rows_picks_the_cases_filtering_the_frame_picks(filters):
    assert filter_rows(case_rows(), **filters) == records(filter_cases(cases_frame(), **filters))


def test_notebook_05s_views_show_the_cases_without_loading_pandas():
    code = ("import json, sys, kit\n"
            "table = kit.show_cases_table(); plots = kit.show_case_plots()\n"
            "bundles = [v._repr_mimebundle_() for v in (table, plots)]\n"
            "print(json.dumps(['pandas' in sys.modules, table.table.value.count('<details>'),"
            " len(plots.figures.children), bundles[1]['text/html'].count('<img ')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    pandas_loaded, rows, figures, images = json.loads(out)
    assert not pandas_loaded
    assert rows == len(case_rows()) and figures == 3 and images == 3
