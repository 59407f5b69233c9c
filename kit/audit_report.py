"""The audit report: what a student pasted and wrote, put together as one document a reader opens with nothing
installed. Two formats, one walk: :class:`HtmlFormat` (a web page with its own style sheet, light and dark, that
loads nothing and runs nothing) and :class:`MarkdownFormat` (plain text that reads well as it is and renders as
Markdown); :func:`report` walks the audit once and asks the format for each piece, as deon's formats do.

Nothing pasted or written is ever markup: the HTML escapes every character that could start a tag or an entity,
the Markdown escapes every character Markdown or HTML would read as syntax. A document ends with a comment line
holding a fingerprint of everything before it (:func:`read_report` tells a report the kit wrote from one edited
since): the kit keeps an audit in the answers file, never in a report, so a report given to "Load answers" or to
``kit results`` is named for what it is, and loses nothing.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import html
import re
from dataclasses import dataclass

from .audit import (
    MAX_STATEMENTS,
    Audit,
    Pasted,
    StepState,
    conditions_tested,
    evidence_numbers,
    numbers_text,
    progress,
    read_date,
)
from .content.audit import AuditFile
from .content.dates import PartialDate
from .content.law import Checklist
from .content.schema import is_blank
from .i18n import t
from .locale import colon, lang
from .progress import safe_name

__all__ = ["FORMATS", "HtmlFormat", "MarkdownFormat", "ReportCheck", "ReportContext", "read_report", "report",
           "report_document", "report_name"]

#: The comment that ends a report: the format's version and the fingerprint of what comes before it.
MARKER = "consent-kit-audit-report"
_MARKER_RE = re.compile(rf"\n?<!-- {MARKER} (\d+) sha256:([0-9a-f]{{64}}) -->\s*$")
CLAIM_SYMBOL = {"supported": "✔", "contradicted": "✘", "not-addressed": "○"}
CONDITION_SYMBOL = {"met": "✔", "not-met": "✘", "unclear": "◐"}


@dataclass(frozen=True)
class ReportContext:
    """What a report needs besides the audit: the audit's content, the checklist, who and when, and whether it is
    the worked example (its note and scores are then shown)."""

    content: AuditFile
    checklist: Checklist
    student: str | None = None
    made_on: PartialDate | None = None
    example: bool = False
    #: The audit's fingerprint (:func:`kit.audit.answers_fingerprint`), shown so a report can be matched with its row
    #: of the grade sheet.
    fingerprint: str | None = None

    @property
    def date(self) -> PartialDate:
        if self.made_on is not None:
            return self.made_on
        today = _dt.date.today()
        return PartialDate(today.year, today.month, today.day)


# ---------------------------------------------------------------------------------------------------- formats
class HtmlFormat:
    name, suffix, mime = "html", ".html", "text/html"
    STYLE = """
:root { color-scheme: light dark; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.55; max-width: 46em;
       margin: 2em auto; padding: 0 1em; color: #1b1b1b; background: #ffffff; }
h1, h2, h3 { line-height: 1.25; }
blockquote, .kit-sentences { border-left: 4px solid #767676; margin: 0.5em 0; padding: 0.3em 0.9em;
                             background: #f2f2f2; }
.kit-sentences li { margin: 0.2em 0; }
.kit-sentences li::marker { font-weight: bold; }
.kit-meta, .kit-note { color: #4a4a4a; }
.kit-banner { border: 2px solid #767676; padding: 0.5em 0.9em; }
dt { font-weight: bold; margin-top: 0.6em; }
dd { margin: 0.2em 0 0.2em 1.2em; }
@media (prefers-color-scheme: dark) {
  body { color: #ececec; background: #161616; }
  blockquote, .kit-sentences { background: #262626; border-color: #9a9a9a; }
  .kit-meta, .kit-note { color: #c4c4c4; }
  .kit-banner { border-color: #9a9a9a; }
}
@media print { body { max-width: none; margin: 0; } blockquote, .kit-sentences { background: none; } }
"""

    @staticmethod
    def esc(text: str) -> str:
        return html.escape(str(text), quote=True)

    def heading(self, text: str, level: int) -> str:
        return f"<h{level}>{self.esc(text)}</h{level}>\n"

    def text(self, text: str, css: str = "") -> str:
        """Plain text (a student's, or the kit's words): paragraphs at blank lines, line breaks kept."""
        cls = f" class='{css}'" if css else ""
        paras = [p.strip() for p in re.split(r"\n[ \t]*\n", str(text)) if p.strip()]
        return "".join(f"<p{cls}>{self.esc(p).replace(chr(10), '<br>')}</p>\n" for p in paras)

    def quote(self, text: str) -> str:
        paras = [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
        return ("<blockquote>" + "".join(f"<p>{self.esc(p).replace(chr(10), '<br>')}</p>" for p in paras)
                + "</blockquote>\n")

    def field(self, label: str, value: str) -> str:
        return f"<p><strong>{self.esc(colon(label))}</strong> {self.esc(value)}</p>\n"

    def field_text(self, label: str, value: str) -> str:
        return f"<p><strong>{self.esc(colon(label))}</strong></p>\n" + self.text(value)

    def bullets(self, items: list[str]) -> str:
        return "<ul>" + "".join(f"<li>{self.esc(i)}</li>" for i in items) + "</ul>\n"

    def sentences(self, numbered: list[tuple[int, str]]) -> str:
        return ("<ol class='kit-sentences'>" + "".join(f"<li value='{n}'>{self.esc(s)}</li>" for n, s in numbered)
                + "</ol>\n")

    def banner(self, text: str) -> str:
        return f"<div class='kit-banner' role='note'>{self.text(text)}</div>\n"

    def document(self, title: str, body: str) -> str:
        return (f"<!DOCTYPE html>\n<html lang='{self.esc(lang())}'>\n<head>\n<meta charset='utf-8'>\n"
                "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
                # Nothing is loaded and nothing runs, whatever the page holds.
                "<meta http-equiv='Content-Security-Policy'"
                " content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                f"<title>{self.esc(title)}</title>\n<style>{self.STYLE}</style>\n</head>\n<body>\n<main>\n{body}"
                "</main>\n</body>\n</html>\n")


class MarkdownFormat:
    name, suffix, mime = "md", ".md", "text/markdown"
    #: Characters Markdown (CommonMark, GitHub's) or HTML would read as syntax anywhere in a line.
    _INLINE = re.compile(r"([\\`*_\[\]<>&|~{}])")
    #: What starts a block at the beginning of a line: a heading, a list item, a quote, a rule, a table row.
    _BLOCK = re.compile(r"^(#{1,6}(?=\s|$)|[-+=](?=\s|$)|[-=_*]{3,}\s*$|\d{1,9}(?=[.)](?:\s|$)))")

    def inline(self, text: str) -> str:
        """Text with every character Markdown would read as syntax inside a line escaped (a heading's text)."""
        return self._INLINE.sub(r"\\\1", text.strip())

    def esc(self, text: str) -> str:
        """A line of text with every character Markdown would read as syntax escaped, and what would start a block
        at the beginning of a line (a heading, a list, a quote, a rule); leading spaces removed (they would make a
        code block)."""
        line = self.inline(text)
        m = self._BLOCK.match(line)
        if m:
            if m.group(0)[0].isdigit():  # "1. " or "1) " would start a list: escape the mark after the number
                end = m.end()
                line = line[:end] + "\\" + line[end:]
            else:
                line = "\\" + line
        return line

    def _lines(self, text: str, lead: str = "") -> str:
        """Paragraphs at blank lines; a line break inside one is kept (a backslash at the end of the line)."""
        paras = [p.strip() for p in re.split(r"\n[ \t]*\n", str(text)) if p.strip()]
        out = []
        for p in paras:
            lines = [self.esc(x) for x in p.split("\n") if x.strip()]
            out.append("\\\n".join(f"{lead}{x}" for x in lines))
        return f"\n{lead.rstrip()}\n".join(out) if lead else "\n\n".join(out)

    def heading(self, text: str, level: int) -> str:
        return f"{'#' * level} {self.inline(text)}\n\n"

    def text(self, text: str, css: str = "") -> str:
        return self._lines(text) + "\n\n"

    def quote(self, text: str) -> str:
        return self._lines(text, "> ") + "\n\n"

    def field(self, label: str, value: str) -> str:
        return f"**{self.esc(colon(label))}** {self.esc(value)}\n\n"

    def field_text(self, label: str, value: str) -> str:
        return f"**{self.esc(colon(label))}**\n\n" + self.text(value)

    def bullets(self, items: list[str]) -> str:
        return "".join(f"- {self.esc(i)}\n" for i in items) + "\n"

    def sentences(self, numbered: list[tuple[int, str]]) -> str:
        return "".join(f"{n}. {self.esc(s)}\n" for n, s in numbered) + "\n"

    def banner(self, text: str) -> str:
        return self._lines(text, "> ") + "\n\n"

    def document(self, title: str, body: str) -> str:
        return body


FORMATS = {"html": HtmlFormat, "md": MarkdownFormat}


# ------------------------------------------------------------------------------------------------------ the walk
def _or_none(text: str) -> str:
    return text if not is_blank(text) else t("audit.report.none")


def _where(p: Pasted) -> list[str]:
    date, _why = read_date(p.read_on)
    return [p.where.strip() or t("audit.report.no_where"),
            date.human() if date is not None else (p.read_on.strip() or t("audit.report.no_date"))]


def _title(audit: Audit) -> str:
    return t("audit.report.title", service=audit.service.strip()) if not is_blank(audit.service) else \
        t("audit.report.title_untitled")


def report(audit: Audit, ctx: ReportContext, fmt, level: int = 1) -> str:
    """The report's body in format ``fmt`` (an instance of one of :data:`FORMATS`); ``level`` is the title's
    heading level (a notebook shows the body under its own headings)."""
    c = ctx.content
    steps = {s.id: s.title for s in c.steps}
    out = [fmt.heading(_title(audit), level)]
    h2, h3 = level + 1, level + 2
    if ctx.example:
        out.append(fmt.banner(colon(t("audit.example_label"), c.example.note)))
    meta = [t("audit.report.by", student=ctx.student) if ctx.student else t("audit.report.by_nobody"),
            t("audit.report.made", date=ctx.date.human())]
    if ctx.fingerprint:
        meta.append(t("audit.report.fingerprint", fingerprint=ctx.fingerprint))
    out.append(fmt.text("\n\n".join(meta), "kit-meta"))
    if not ctx.example:
        out.append(fmt.text(t("audit.report.about"), "kit-note"))
        out.append(fmt.heading(t("audit.report.progress"), h2))
        out.append(fmt.bullets([_state_line(s, steps) for s in progress(audit, c, ctx.checklist)[:-1]]))

    # 1. The texts
    out.append(fmt.heading(f"1. {steps['paste']}", h2))
    out.append(fmt.heading(t("audit.report.policy"), h3))
    where, when = _where(audit.policy)
    out.append(fmt.field(t("audit.where"), where) + fmt.field(t("audit.read_on"), when))
    sentences = audit.sentences()
    out.append(fmt.sentences([(s.number, s.text) for s in sentences]) if sentences
               else fmt.text(t("audit.report.no_policy")))
    for n in range(1, MAX_STATEMENTS + 1):
        p = audit.statement(n)
        if not p.started:
            continue
        out.append(fmt.heading(t("audit.statement_n", n=n), h3))
        where, when = _where(p)
        out.append(fmt.field(t("audit.where"), where) + fmt.field(t("audit.read_on"), when))
        out.append(fmt.quote(p.text) if p.pasted else fmt.text(t("audit.report.none")))

    # 2. Close reading
    out.append(fmt.heading(f"2. {steps['reading']}", h2))
    for i, q in enumerate(c.reading, 1):
        out.append(fmt.heading(f"{i}. {q.question}", h3))
        out.append(fmt.text(_or_none(audit.reading.get(q.id, ""))))

    # 3. The claims
    out.append(fmt.heading(f"3. {steps['claims']}", h2))
    checked = audit.checked_statements()
    if not checked:
        out.append(fmt.text(t("audit.report.no_statements")))
    for n in checked:
        cc = audit.claim(n)
        out.append(fmt.heading(t("audit.statement_n", n=n), h3))
        out.append(fmt.field_text(t("audit.claim"), _or_none(cc.claim)))
        verdict = f"{CLAIM_SYMBOL[cc.verdict]} {t(f'claims.{cc.verdict}')}" if cc.verdict else t("audit.report.none")
        out.append(fmt.field(t("claims.verdict"), verdict))
        found, gone = evidence_numbers(cc.evidence, sentences)
        out.append(fmt.field(t("audit.evidence"), numbers_text(found) or t("audit.report.none")))
        by_n = {s.number: s.text for s in sentences}
        for k in found:
            out.append(fmt.quote(f"({k}) {by_n[k]}"))
        for text in gone:
            out.append(fmt.text(t("audit.evidence_gone", text=text), "kit-note"))
        out.append(fmt.field_text(t("audit.why"), _or_none(cc.why)))

    # 4. The checklist
    out.append(fmt.heading(f"4. {steps['checklist']}", h2))
    out.append(fmt.field(t("audit.basis"), t(f"audit.basis_{audit.basis}") if audit.basis else t("audit.report.none")))
    if audit.basis == "not-said":
        out.append(fmt.field(t("audit.tested"), t(f"audit.tested_{audit.tested}") if audit.tested
                             else t("audit.report.none")))
    out.append(fmt.field_text(t("audit.basis_why"), _or_none(audit.basis_why)))
    for cond in conditions_tested(audit, ctx.checklist):
        cc = audit.condition(cond.id)
        out.append(fmt.heading(cond.name, h3))
        out.append(fmt.text(cond.question, "kit-note"))
        verdict = (f"{CONDITION_SYMBOL[cc.verdict]} {t(f'checklist.verdict_{cc.verdict}')}" if cc.verdict
                   else t("audit.report.none"))
        out.append(fmt.field(t("checklist.verdict_label"), verdict))
        out.append(fmt.field_text(t("checklist.reason_label"), _or_none(cc.reason)))

    # 5. Redesign
    out.append(fmt.heading(f"5. {steps['redesign']}", h2))
    out.append(fmt.field_text(t("audit.mechanism"), _or_none(audit.mechanism)))
    out.append(fmt.field_text(t("audit.cost"), _or_none(audit.cost)))

    # Scores: the reader's own, or the example's
    rubric = c.rubric
    if ctx.example:
        out.append(fmt.heading(t("audit.example_scores"), h2))
        for s in c.example.scores:
            crit, lv = rubric.criterion(s.criterion), rubric.level(s.level)
            out.append(fmt.field_text(t("audit.score_line", criterion=crit.name, level=lv.label, score=lv.score,
                                        top=rubric.top), s.why))
    elif audit.self_levels:
        out.append(fmt.heading(t("audit.report.self"), h2))
        lines = []
        for crit in rubric.criteria:
            lv = rubric.level(audit.self_levels.get(crit.id, -1))
            lines.append(t("audit.score_line", criterion=crit.name, level=lv.label, score=lv.score, top=rubric.top)
                         if lv else colon(crit.name, t("audit.report.none")))
        out.append(fmt.bullets(lines))
    return "".join(out)


def _state_line(s: StepState, steps: dict[str, str]) -> str:
    head = f"{s.symbol} {t(f'audit.state_{s.state}', step=steps[s.step])}"
    return head if not s.missing or s.step == "report" else colon(head, "; ".join(s.missing))


def report_document(audit: Audit, ctx: ReportContext, format_name: str) -> str:
    """The whole report as a file's text: the document, then the comment line with its fingerprint."""
    fmt = FORMATS[format_name]()
    text = fmt.document(_title(audit), report(audit, ctx, fmt))
    text = text.rstrip("\n") + "\n"
    return f"{text}<!-- {MARKER} 1 sha256:{_digest(text)} -->\n"


def _digest(text: str) -> str:
    normal = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return hashlib.sha256(normal.rstrip("\n").encode("utf-8")).hexdigest()


def report_name(student: str | None, format_name: str) -> str:
    """The file name of a downloaded report: ``audit-report-Ada-Lovelace.html``."""
    name = safe_name(student)
    return f"audit-report{'-' + name if name else ''}{FORMATS[format_name].suffix}"


@dataclass(frozen=True)
class ReportCheck:
    """A report the kit wrote, as found in a file: whether it was changed since the kit wrote it."""

    edited: bool

    def message(self, name: str) -> str:
        return t("audit.report_edited" if self.edited else "audit.report_given", name=name)


def read_report(content: str | bytes) -> ReportCheck | None:
    """A report the kit wrote (with or without changes since), or None for any other text."""
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    m = _MARKER_RE.search(content)
    if m is None:
        return None
    return ReportCheck(edited=_digest(content[:m.start()] + "\n") != m.group(2))
