"""Issue 11, property tests: arbitrary YAML-shaped data and arbitrary text given to every kind's loader, arbitrary
JSON given to the answers reader and the quiz view. Each must end in success, a ContentError (content) or a
set-aside file (answers), never another exception, and within the deadline hypothesis enforces on every example.
"""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kit import progress
from kit.content import ContentError
from kit.content.cache import clear
from kit.content.cases import load_case
from kit.content.law import load_law
from kit.content.quiz import load_quiz
from kit.content.research import load_simulation
from kit.content.strings import load_strings
from kit.content.vocabulary import load_vocabulary_file
from kit.quiz import unusable_answers
from tests.conftest import FIXTURES, ROOT

# Each example must finish well within this (a single small file: milliseconds; the bounds stop the hostile ones).
DEADLINE = timedelta(seconds=2)
SETTINGS = dict(deadline=DEADLINE, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                           HealthCheck.too_slow], derandomize=True)

FIELDS = ["id", "title", "text", "date", "events", "sources", "status", "what", "questions", "type", "options",
          "answer", "tolerance", "include", "presets", "population", "seed", "assumptions", "want", "texts",
          "terms", "groups", "variants", "period", "start", "end", "timeline", "common", "error", "label"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    st.sampled_from(["2024-05-17", "2024-13-01", "seen-primary", "single", "ordering", "a-b"]))
keys = st.one_of(st.sampled_from(FIELDS), st.text(max_size=8))
yamlish = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(keys, inner, max_size=5)), max_leaves=25)


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True)


DEEP = "a: " + "[" * 5000 + "]" * 5000 + "\n"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9))


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """One content folder the examples write into: a case, a quiz folder, research, law, vocabulary, UI strings."""
    base = tmp_path_factory.mktemp("prop")
    shutil.copytree(FIXTURES / "mini-case", base / "cases" / "mini-case")
    for sub in ("quizzes", "research", "law", "ui"):
        (base / sub).mkdir()
    shutil.copy(ROOT / "data" / "research" / "simulation.yaml", base / "research" / "simulation.yaml")
    shutil.copy(ROOT / "data" / "ui" / "en.yaml", base / "ui" / "en.yaml")
    shutil.copy(ROOT / "data" / "vocabulary.yaml", base / "vocabulary.yaml")
    shutil.copy(ROOT / "data" / "law" / "03-us.yaml", base / "law" / "03-us.yaml")
    return base


TARGETS = {
    "case": ("cases/mini-case/timeline.yaml", lambda r: load_case(r / "cases" / "mini-case")),
    "case-meta": ("cases/mini-case/case.yaml", lambda r: load_case(r / "cases" / "mini-case")),
    "quiz": ("quizzes/q.yaml", lambda r: load_quiz(r / "quizzes" / "q.yaml")),
    "simulation": ("research/simulation.yaml", lambda r: load_simulation(r)),
    "vocabulary": ("vocabulary.yaml", lambda r: load_vocabulary_file(r)),
    "law": ("law/03-us.yaml", lambda r: load_law(r)),
    "strings": ("ui/en.yaml", lambda r: load_strings("en", r)),
}


def _load(root: Path, target: str, content: str | bytes) -> None:
    rel, loader = TARGETS[target]
    original = (root / rel).read_bytes() if (root / rel).exists() else None
    (root / rel).write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    clear()
    try:
        loader(root)
    except ContentError as e:
        assert e.problems and all(p.file for p in e.problems)
    finally:
        if original is None:
            (root / rel).unlink()
        else:
            (root / rel).write_bytes(original)


@settings(max_examples=70, **SETTINGS)
@given(target=st.sampled_from(sorted(TARGETS)), data=yamlish)
@example(target="case", data={"events": [{"id": "x", "date": float("nan"), "title": "\u200b"}]})
def test_yaml_shaped_data_loads_or_is_a_content_error(root, target, data):
    _load(root, target, _dump(data))


@settings(max_examples=40, **SETTINGS)
@given(target=st.sampled_from(sorted(TARGETS)),
       content=st.one_of(st.text(max_size=200), st.binary(max_size=200),
                         st.text(alphabet=st.sampled_from("[]{}:-&*! \n\"'\\ab|>#"), max_size=300)))
@example(target="quiz", content=DEEP)
@example(target="strings", content=BOMB)
@example(target="law", content=BOMB)
@example(target="case", content="events:\n  - title: \"\\ud800\"\n")
@example(target="vocabulary", content="a: \x00\n")
def test_arbitrary_text_loads_or_is_a_content_error(root, target, content):
    _load(root, target, content)


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
                           lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(st.text(max_size=6), inner, max_size=4)),
                           max_leaves=20)
QUESTIONS = ["slack-default", "slack-who", "slack-how", "slack-order", "gone"]
entries = st.dictionaries(st.sampled_from(["response", "attempts", "hints", "score", "correct"]), json_values)
answers_docs = st.builds(
    lambda answers, student, version: {"format": progress.FORMAT, "version": version, "quiz": "01-slack-case",
                                       "student": student, "answers": answers},
    st.dictionaries(st.sampled_from(QUESTIONS), st.one_of(entries, json_values), max_size=5),
    json_values, st.one_of(st.just(1), st.integers()))


@pytest.fixture
def answers_path(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KIT_ANSWERS_DIR", str(tmp_path))
    return tmp_path / "answers-01-slack-case.json"


def _open_quiz_on(path: Path, text: str) -> None:
    from kit.ui.quiz import QuizView

    for old in path.parent.iterdir():
        old.unlink()
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    quiz = load_quiz("01-slack-case")
    loaded = progress.load("01-slack-case", path, check=lambda doc: unusable_answers(quiz, doc))
    view = QuizView(quiz, answers_file=path)  # restores what fits; must never raise
    if loaded.problem is None:
        assert loaded.doc is not None or not path.exists()
    else:
        assert loaded.kept_aside is not None and loaded.kept_aside.exists() and not path.exists()
    assert len(view.questions) == len(quiz.questions)


@settings(max_examples=25, **SETTINGS)
@given(doc=st.one_of(answers_docs, json_values))
@example(doc={"format": progress.FORMAT, "version": 1, "quiz": "01-slack-case",
              "answers": {"slack-order": {"response": 5}, "slack-default": {"response": ["a"]}}})
def test_arbitrary_json_answers_restore_or_are_set_aside(answers_path, doc):
    _open_quiz_on(answers_path, json.dumps(doc))


@settings(max_examples=15, **SETTINGS)
@given(text=st.text(max_size=100))
@example(text="[" * 200_000)
@example(text="1" * 10_000)
def test_arbitrary_text_as_answers_is_set_aside(answers_path, text):
    _open_quiz_on(answers_path, text)


@settings(max_examples=20, **SETTINGS)
@given(doc=st.one_of(answers_docs, json_values))
@example(doc={"format": progress.FORMAT, "version": 1, "quiz": "01-slack-case",
              "answers": {"slack-order": {"response": 5}, "slack-default": {"response": ["a"]}}})
def test_arbitrary_shared_answers_are_counted_or_skipped_in_the_class_view(tmp_path_factory, doc):
    """A class folder holds files students wrote: the class view counts what it can use and names what it skips."""
    from kit.instructor.class_results import class_summary
    from kit.ui.class_results import ClassView

    folder = tmp_path_factory.mktemp("class")
    name = "answers-01-slack-case-0123abcd.json"
    (folder / name).write_text(json.dumps(doc), encoding="utf-8", errors="surrogatepass")
    summary = class_summary(folder, "01-slack-case")
    assert len(summary.skipped) <= 1 and all(name in s for s in summary.skipped)
    if not summary.skipped:  # a file the kit could read: its student is counted when it answered anything
        assert summary.students == (1 if doc["answers"] else 0)
    ClassView(folder, "01-slack-case", chart=False)  # must never raise
