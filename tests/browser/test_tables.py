"""Issue 27 item 4, in a real JupyterLab: a table of a kit view breaks lines only between words.

Students read "202/3" for a year, "Yea/r" and "Step/s" in the cases table (notebook 05), "To/tal" and "consen/t" in
the vocabulary counts (notebook 02): the views' style sheet let a cell break anywhere, so a narrow column broke its
words letter by letter. Measured here for every word of every table cell of a kit view, in both editions, at 1280
and 800 px: the boxes the browser draws a word in all lie on one line. A table wider than its output area scrolls
inside its own box (tests/browser/test_layout.py measures that nothing spills out).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

#: The notebooks whose views hold tables: the vocabulary counts, the research figures, the cases.
TABLES = ["02_policy_vs_statements.ipynb", "03_opt_in_vs_opt_out.ipynb", "05_beyond_slack.ipynb",
          "fr/02_politique_et_declarations.ipynb", "fr/03_opt_in_ou_opt_out.ipynb", "fr/05_au_dela_de_slack.ipynb"]

#: Every word of every table cell inside ``root`` that the browser draws on more than one line. A word is a run of
#: characters between spaces, hyphens and slashes (a line may break after "opt-", as in any text).
BROKEN_WORDS = """(root) => {
  const out = [];
  const cells = document.querySelectorAll(root + ' td, ' + root + ' th');
  for (const cell of cells) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\\u2010\\u2011\\u2013\\u2014/]+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0 && r.height > 0)
                                                          .map(r => Math.round(r.bottom)));
        if (lines.size > 1) {
          out.push(`"${m[0]}" in the cell "${cell.textContent.trim().replace(/\\s+/g, ' ').slice(0, 50)}"`);
        }
      }
    }
  }
  return out;
}"""


def _at_width(page, width):
    page.set_viewport_size({"width": width, "height": 1000})
    page.wait_for_timeout(600)  # JupyterLab lays the panels out again after a resize


@pytest.mark.parametrize("name", TABLES)
def test_no_table_cell_of_a_kit_view_breaks_a_word(lab, name):
    page = lab.notebook(name)
    root = ".jp-OutputArea-output .kit-view"
    try:
        for width in (1280, 800):
            _at_width(page, width)
            assert page.locator(f"{root} td").count() > 5, f"{name}: no table found"
            broken = page.evaluate(BROKEN_WORDS, root)
            assert not broken, f"{name} at {width} px breaks words:\n" + "\n".join(dict.fromkeys(broken[:15]))
    finally:
        _at_width(page, 1400)
