"""Grading, attempts, hints, shuffling and the score, tested without widgets (with hypothesis for the bounds)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kit.content.quiz import Option, Question, Quiz
from kit.quiz import QuestionState, grade, shuffled_options, summarise


def opts(*ids, last=()):
    return tuple(Option(id=i, text=i.upper(), feedback=f"about {i}", keep_last=i in last) for i in ids)


SINGLE = Question(id="s", type="single", text="?", options=opts("a", "b", "c", "none", last=("none",)), answer="a",
                  explanation="x", hints=("h1", "h2"), attempts=2)
MULTI = Question(id="m", type="multiple", text="?", options=opts("a", "b", "c", "d"), answer=("a", "c"),
                 explanation="x")
TF = Question(id="t", type="true-false", text="?", answer=False, explanation="x")
NUM = Question(id="n", type="numeric", text="?", answer=12.0, tolerance=0.5, explanation="x")
ORDER = Question(id="o", type="ordering", text="?", options=opts("w", "x", "y", "z"), answer=("w", "x", "y", "z"),
                 explanation="x")
REFL = Question(id="r", type="reflection", text="?", model_answer="model")
ALL = [SINGLE, MULTI, TF, NUM, ORDER, REFL]
QUIZ = Quiz(id="q", title="Q", questions=tuple(ALL))


def test_single_and_true_false():
    assert grade(SINGLE, "a").score == 1 and grade(SINGLE, "a").correct
    g = grade(SINGLE, "b")
    assert g.score == 0 and not g.correct and g.feedback == ("about b",)
    assert grade(TF, False).correct and not grade(TF, True).correct


def test_numeric_tolerance_is_inclusive_and_text_is_read():
    assert grade(NUM, 12.5).correct and grade(NUM, "11.5").correct
    assert not grade(NUM, 12.6).correct
    assert not grade(NUM, "twelve").answered


def test_multiple_partial_credit():
    assert grade(MULTI, ["a", "c"]).score == 1 and grade(MULTI, ["a", "c"]).correct
    assert grade(MULTI, ["a"]).score == 0.5 and not grade(MULTI, ["a"]).correct
    assert grade(MULTI, ["a", "b"]).score == 0  # one right, one wrong
    assert grade(MULTI, ["b", "d"]).score == 0  # floored at 0
    assert grade(MULTI, ["a", "c", "b"]).score == 0.5


def test_ordering_partial_credit_counts_pairs():
    assert grade(ORDER, ["w", "x", "y", "z"]).score == 1
    assert grade(ORDER, ["z", "y", "x", "w"]).score == 0
    assert grade(ORDER, ["x", "w", "y", "z"]).score == 5 / 6  # one swapped pair out of six


def test_reflection_is_not_graded():
    g = grade(REFL, "I think so")
    assert g.score is None and g.answered and not g.correct
    assert not grade(REFL, "   ").answered


def test_attempt_limit_and_hints():
    s = QuestionState()
    s = s.submit(SINGLE, "b")
    assert s.attempts == 1 and s.can_submit(SINGLE) and not s.reveal(SINGLE)
    s = s.submit(SINGLE, "c")
    assert s.attempts == 2 and not s.can_submit(SINGLE) and s.reveal(SINGLE)
    assert s.submit(SINGLE, "a") is s  # no attempts left: nothing changes
    assert QuestionState().submit(SINGLE, None).attempts == 0  # a blank answer uses no attempt
    h = QuestionState().next_hint(SINGLE).next_hint(SINGLE).next_hint(SINGLE)
    assert h.shown_hints(SINGLE) == ("h1", "h2")


def test_summary_counts_partial_scores_and_skips_reflection():
    states = {"s": QuestionState().submit(SINGLE, "a"), "m": QuestionState().submit(MULTI, ["a"]),
              "r": QuestionState().submit(REFL, "text")}
    s = summarise(QUIZ, states)
    assert (s.answered, s.total, s.max_score, s.correct) == (3, 6, 5, 1)
    assert s.score == 1.5 and not s.complete


def test_keep_last_stays_last_and_ordering_is_never_shown_solved():
    for seed in range(30):
        assert shuffled_options(SINGLE, seed)[-1].id == "none"
        assert [o.id for o in shuffled_options(ORDER, seed)] != list(ORDER.answer)


responses = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5),
                      st.lists(st.sampled_from(["a", "b", "c", "d", "w", "x", "y", "z", "?"]), max_size=8))


@settings(max_examples=300, deadline=None)
@given(q=st.sampled_from(ALL), response=responses)
def test_any_answer_scores_within_bounds(q, response):
    g = grade(q, response)
    if q.type == "reflection":
        assert g.score is None
    else:
        assert 0.0 <= g.score <= 1.0
        assert not g.correct or g.score == 1.0


ids = st.lists(st.from_regex(r"[a-z]{1,6}", fullmatch=True), min_size=1, max_size=12, unique=True)


@settings(max_examples=200, deadline=None)
@given(option_ids=ids, last=st.integers(min_value=0, max_value=3), seed=st.integers())
def test_shuffling_never_loses_or_duplicates_and_a_seed_reproduces(option_ids, last, seed):
    keep = set(option_ids[-last:]) if last else set()
    q = Question(id="p", type="single", text="?", options=opts(*option_ids, last=keep), answer=option_ids[0],
                 explanation="x")
    order = shuffled_options(q, seed)
    assert sorted(o.id for o in order) == sorted(option_ids)
    assert shuffled_options(q, seed) == order
    tail = [o.id for o in order[len(order) - len(keep):]] if keep else []
    assert tail == [i for i in option_ids if i in keep]


# ------------------------------------------------------------------------------ typed numbers, entries, feedback
def test_a_typed_number_reads_a_decimal_comma_and_a_percent_sign():
    from kit.quiz import number, typed_number

    assert typed_number(" 12,5 % ") == "12.5" and number(typed_number("12,5")) == 12.5
    assert typed_number("40%") == "40" and grade(NUM, typed_number("11,5")).correct
    assert typed_number("   ") is None and typed_number("%") is None
    assert number("nan") is None and number(True) is None and number("twelve") is None


def test_a_saved_entry_goes_to_json_and_back_to_the_same_state():
    from kit.quiz import Entry, entry, restored_state

    assert entry(SINGLE, QuestionState()) is None  # untouched: nothing saved
    state = QuestionState().submit(SINGLE, "b").next_hint(SINGLE)
    saved = entry(SINGLE, state)
    assert saved.to_json() == {"response": "b", "attempts": 1, "hints": 1, "score": 0.0, "correct": False}
    back = restored_state(SINGLE, "b", Entry.from_json(saved.to_json()))
    assert back == state
    assert entry(REFL, QuestionState().submit(REFL, "my words")).to_json()["correct"] is None  # not graded
    assert entry(MULTI, QuestionState().submit(MULTI, ("a", "c"))).to_json()["response"] == ["a", "c"]


def test_a_hand_edited_entry_is_read_safely_and_kept_within_the_limits():
    from kit.quiz import Entry, restored_state, saved_response

    e = Entry.from_json({"response": "a", "attempts": "many", "hints": 99, "score": "1", "correct": "yes"})
    assert (e.attempts, e.hints, e.score, e.correct) == (None, 99, None, None)
    state = restored_state(SINGLE, "a", e)
    assert state.grade.correct and state.hints == len(SINGLE.hints)
    assert restored_state(SINGLE, "b", Entry.from_json({"response": "b", "attempts": 7})).attempts == SINGLE.attempts
    assert saved_response(MULTI, ["a", 3, None, "c"]) == ["a", "c"]


def test_feedback_says_the_verdict_and_keeps_the_explanation_back_until_revealed():
    from kit.quiz import feedback

    assert feedback(SINGLE, QuestionState()).outcome is None
    wrong = feedback(SINGLE, QuestionState().submit(SINGLE, "b"))
    assert (wrong.outcome, wrong.picked, wrong.attempts_left, wrong.explanation, wrong.sources) == (
        "wrong", ("about b",), 1, None, False)
    last = feedback(SINGLE, QuestionState().submit(SINGLE, "b").submit(SINGLE, "c"))
    assert last.attempts_left == 0 and last.explanation == "x" and last.sources
    right = feedback(SINGLE, QuestionState().submit(SINGLE, "a"))
    assert right.outcome == "correct" and right.attempts_left is None and right.explanation == "x"
    partly = feedback(MULTI, QuestionState().submit(MULTI, ["a"]))
    assert (partly.outcome, partly.percent) == ("partly", 50)
    reflection = feedback(REFL, QuestionState().submit(REFL, "my words"))
    assert (reflection.outcome, reflection.model_answer) == ("submitted", "model")
    no_key = Question(id="k", type="single", text="?", options=opts("a", "b"))
    assert feedback(no_key, QuestionState().submit(no_key, "a")).outcome == "recorded"
