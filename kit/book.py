"""The reading edition: every notebook executed, each view in its static form, as a static site (``make book``).

``python -m kit.book --out site`` runs every notebook under ``notebooks/`` (and under ``notebooks/<language>/``
for other languages) in a fresh kernel, then writes one page per notebook into ``site/`` with nbconvert's HTML
exporter and its ``basic`` template (the cells only: no MathJax, no require.js, no widget manager from a CDN),
inside a page of our own: navigation between notebooks, one local style sheet that reads on a phone, in print and
in the reader's dark mode. Nothing on a page loads anything from outside ``site/``.

Views reach the page in their static form (:mod:`kit.ui.static`): the notebooks are executed without storing the
widget state, so nbconvert shows each output's ``text/html``. Cells tagged ``instructor`` are left out; a cell tagged
``solution`` (answer notes) is kept behind "Show the answer", as the quiz answers are. Cells tagged ``live`` (how to
use the live widgets: which button to press, which keys, how to save) are left out too, the first replaced by one
sentence saying the page shows the views as they first appear and the notebook is where to use them.

A notebook may link a page of ``docs/`` with a relative link (``[primer](../docs/legal_primer.md)``, which JupyterLab
opens): the site gets that page too, as ``docs/<name>.html``, and the link points at it.
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .content.strings import DEFAULT, languages
from .i18n import language, set_language, t

__all__ = ["build", "execute", "execute_all", "notebook_sets", "page_head_title", "page_title"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LANGUAGE = DEFAULT
CSS_NAME = "book.css"


def notebook_sets(root: Path) -> dict[str, list[Path]]:
    """The notebooks per language the kit has (:func:`kit.content.strings.languages`): ``root/*.ipynb`` is English,
    ``root/<language>/*.ipynb`` another language's."""
    sets = {lang: sorted((root if lang == DEFAULT_LANGUAGE else root / lang).glob("*.ipynb")) for lang in languages()}
    return {lang: paths for lang, paths in sets.items() if paths}


def execute(path: Path, language: str = DEFAULT_LANGUAGE, answers_dir: Path | None = None, timeout: int = 600):
    """``path`` run top to bottom in a fresh kernel (in its own folder), without widget state: a NotebookNode.

    The kernel gets ``KIT_LANG`` and an empty answers folder, so no one's saved answers reach the page.
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    env = dict(os.environ, KIT_LANG=language, MPLBACKEND="Agg")
    with tempfile.TemporaryDirectory(prefix="kit-book-answers-") as empty:
        env["KIT_ANSWERS_DIR"] = str(answers_dir or empty)
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.execute(env=env)
    return nb


def execute_all(sets: dict[str, list[Path]], workers: int = 2) -> dict[str, list[tuple[Path, object]]]:
    """Every notebook of every language executed, ``workers`` kernels at a time, in the order given."""
    jobs = [(lang, p) for lang, paths in sets.items() for p in paths]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(lambda job: execute(job[1], job[0]), jobs))
    out: dict[str, list[tuple[Path, object]]] = {lang: [] for lang in sets}
    for (lang, path), nb in zip(jobs, done, strict=True):
        out[lang].append((path, nb))
    return out


def page_title(nb, fallback: str) -> str:
    """The notebook's first heading, without its Markdown marks."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return re.sub(r"[*_`]", "", line.lstrip("#").strip())
    return fallback


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


#: A Markdown link to a page of the repository's docs/ folder, relative to the notebook: ``](../docs/x.md#part)``.
_DOC_LINK = re.compile(r"\]\(((?:\.\./)+)docs/([\w-]+)\.md(#[^)]*)?\)")


def doc_links(nb) -> list[str]:
    """The names of the docs/ pages a notebook's Markdown links (``legal_primer`` for ``../docs/legal_primer.md``)."""
    found = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found += [m.group(2) for m in _DOC_LINK.finditer(cell.source) if m.group(2) not in found]
    return found


def _prepare(nb, show_answer: str, prefix: str = "", live_note: str = ""):
    """A copy for readers: no instructor cells, the instructions for live widgets (cells tagged ``live``) replaced
    by ``live_note`` once, answer notes folded, links to notebooks pointed at pages, links to docs/ pointed at the
    site's copy of them (``prefix`` leads from the page's folder to the site's root)."""
    import nbformat

    out = copy.deepcopy(nb)
    cells, noted = [], False
    for cell in out.cells:
        if "instructor" in _tags(cell):
            continue
        if "live" in _tags(cell):
            if not noted and live_note:
                note = f"<p class='book-live'><em>{html.escape(live_note)}</em></p>"
                cells.append(nbformat.v4.new_markdown_cell(note))
            noted = True
            continue
        cells.append(cell)
    out.cells = cells
    for cell in out.cells:
        if cell.cell_type != "markdown":
            continue
        cell.source = re.sub(r"\]\(([^)\s]+?)\.ipynb(#[^)]*)?\)", r"](\1.html\2)", cell.source)
        cell.source = _DOC_LINK.sub(lambda m: f"]({prefix}docs/{m.group(2)}.html{m.group(3) or ''})", cell.source)
        if "solution" in _tags(cell):
            cell.source = (f"<details class='kit-answer'><summary><strong>{html.escape(show_answer)}</strong>"
                           f"</summary>\n\n{cell.source}\n\n</details>")
    out.metadata.pop("widgets", None)
    return out


_TABLE = re.compile(r"<table\b.*?</table>", re.S)


_KIT_SCROLL = re.compile(r"<div class='kit-scroll'[^>]*>\s*$")


def _scrollable_tables(body: str, label: str) -> str:
    """Each table in a region that scrolls sideways on a narrow screen and can be scrolled from the keyboard (a kit
    view's table comes in one already: :func:`kit.ui.html.scroll_box`)."""
    opening = f"<div class='book-scroll' tabindex='0' role='region' aria-label='{html.escape(label)}'>"

    def wrap(m: re.Match) -> str:
        if _KIT_SCROLL.search(body, max(0, m.start() - 300), m.start()):
            return m.group(0)
        return f"{opening}{m.group(0)}</div>"

    return _TABLE.sub(wrap, body)


def _body(nb, table_label: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    body, _resources = exporter.from_notebook_node(nb)
    return _scrollable_tables(body, table_label)


def _nav(pages, current: int, prefix: str, t) -> str:
    items = []
    for i, (href, title) in enumerate(pages):
        mark = " aria-current='page'" if i == current else ""
        items.append(f"<li><a href='{prefix}{html.escape(href)}'{mark}>{html.escape(title)}</a></li>")
    return f"<nav class='book-toc' aria-label='{html.escape(t('book.contents'))}'><ol>{''.join(items)}</ol></nav>"


def _pager(pages, current: int, t) -> str:
    parts = []
    if current > 0:
        href, title = pages[current - 1]
        parts.append(f"<a rel='prev' href='{html.escape(href)}'>← {html.escape(t('book.previous'))}: "
                     f"{html.escape(title)}</a>")
    if 0 <= current < len(pages) - 1:
        href, title = pages[current + 1]
        parts.append(f"<a rel='next' href='{html.escape(href)}'>{html.escape(t('book.next'))}: "
                     f"{html.escape(title)} →</a>")
    return f"<nav class='book-pager' aria-label='{html.escape(t('book.pager'))}'>{''.join(parts)}</nav>"


def page_head_title(title: str, site_title: str, edition: str) -> str:
    """The browser tab's title, saying nothing twice: the site's on its index, else the page's and "Reading
    edition" (the site's full title repeats the kit's subject, which a page's own title often says already)."""
    return site_title if title == site_title else f"{title} · {edition}"


def _page(lang: str, title: str, site_title: str, css: str, languages: str, toc: str, main: str, pager: str,
          t, home: str = "index.html") -> str:
    """A page of the site. Its header names the edition, linked to ``home``; the index, whose heading is the
    site's title, has only the languages there."""
    site = "" if title == site_title else \
        f"<p class='book-site'><a href='{html.escape(home)}'>{html.escape(t('book.edition'))}</a></p>"
    return f"""<!DOCTYPE html>
<html lang="{html.escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(page_head_title(title, site_title, t('book.edition')))}</title>
<link rel="stylesheet" href="{html.escape(css)}">
</head>
<body>
<a class="book-skip" href="#main">{html.escape(t('book.skip'))}</a>
<header class="book-header">{site}{languages}</header>
{toc}
<main id="main">
{main}
</main>
{pager}
<footer class="book-footer"><p>{html.escape(t('book.footer'))}</p></footer>
</body>
</html>
"""


def build(executed: dict[str, list[tuple[Path, object]]], out: Path) -> list[Path]:
    """Write the site into ``out`` (emptied first): ``index.html`` and one page per notebook, per language."""
    before = language()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copyfile(Path(__file__).with_name("book.css"), out / CSS_NAME)
    written = []
    langs = list(executed)
    try:
        for lang, notebooks in executed.items():
            set_language(lang)
            folder = out if lang == DEFAULT_LANGUAGE else out / lang
            folder.mkdir(exist_ok=True)
            prefix = "" if lang == DEFAULT_LANGUAGE else "../"
            pages = [(p.with_suffix(".html").name, page_title(nb, p.stem)) for p, nb in notebooks]
            site_title = t("book.title")
            switch = ""
            if len(langs) > 1:
                links = []
                for other in langs:
                    href = prefix + ("" if other == DEFAULT_LANGUAGE else f"{other}/") + "index.html"
                    mark = " aria-current='true'" if other == lang else ""
                    links.append(f"<a href='{href}' hreflang='{other}' lang='{other}'{mark}>{other.upper()}</a>")
                switch = f"<nav class='book-langs' aria-label='{html.escape(t('book.languages'))}'>" \
                         f"{' · '.join(links)}</nav>"
            index_main = (f"<h1>{html.escape(site_title)}</h1><p>{html.escape(t('book.intro'))}</p>"
                          + _nav(pages, -1, "", t).replace("book-toc", "book-index", 1))
            (folder / "index.html").write_text(_page(lang, site_title, site_title, prefix + CSS_NAME, switch,
                                                     "", index_main, "", t), encoding="utf-8")
            written.append(folder / "index.html")
            home = f"<p class='book-home'><a href='index.html'>{html.escape(t('book.home'))}</a></p>"
            for path, nb in notebooks:
                for name in doc_links(nb):
                    written += _doc_page(path, name, lang, out, site_title, t)
            for i, (_path, nb) in enumerate(notebooks):
                body = _body(_prepare(nb, t("static.show_answer"), prefix, t("book.live_note")), t("book.table"))
                toc = f"<details class='book-toc-fold'><summary>{html.escape(t('book.contents'))}</summary>" \
                      f"{home}{_nav(pages, i, '', t)}</details>"
                page = _page(lang, pages[i][1], site_title, prefix + CSS_NAME, switch, toc, body,
                             _pager(pages, i, t), t)
                target = folder / pages[i][0]
                target.write_text(page, encoding="utf-8")
                written.append(target)
    finally:
        set_language(before)
    return written


def _doc_page(notebook: Path, name: str, lang: str, out: Path, site_title: str, t) -> list[Path]:
    """``docs/<name>.md`` (found from the linking notebook's folder upwards) as ``out/docs/<name>.html``, once."""
    import nbformat

    target = out / "docs" / f"{name}.html"
    found = [d / "docs" / f"{name}.md" for d in notebook.resolve().parents]
    source = next((f for f in found if f.is_file()), None)
    if target.exists() or source is None:
        return []
    text = source.read_text(encoding="utf-8")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)])
    index = f"../{'' if lang == DEFAULT_LANGUAGE else lang + '/'}index.html"
    home = f"<p class='book-home'><a href='{index}'>{html.escape(t('book.home'))}</a></p>"
    target.parent.mkdir(exist_ok=True)
    target.write_text(_page(lang, page_title(nb, name), site_title, "../" + CSS_NAME, "", home,
                            _body(nb, t("book.table")), "", t, home=index), encoding="utf-8")
    return [target]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit.book", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="the folder to write (default: site/)")
    parser.add_argument("--notebooks", type=Path, default=ROOT / "notebooks", help="the notebooks to read")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    sets = notebook_sets(args.notebooks)
    executed = execute_all(sets)
    pages = build(executed, args.out)
    took = time.perf_counter() - start
    print(f"wrote {len(pages)} pages for {', '.join(sets)} into {args.out} in {took:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
