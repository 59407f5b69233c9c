"""The policy-reading content, counted together by ``kit check``: the consent vocabulary (``data/vocabulary.yaml``)
and every case's claim items (``cases/<id>/claims.yaml``, cross-checked against the loaded case).

Its own module because it needs both the cases kind (to load a case) and the claims schema the cases kind reads.
"""

from __future__ import annotations

from pathlib import Path

from .base import ContentKind
from .claims import ClaimsFile, check_claims
from .errors import ContentError
from .loader import case_ids, load_case
from .schema import ParseContext
from .vocabulary import VocabularyFile, check_vocabulary, load_vocabulary_file

__all__ = ["POLICY", "check_policy_content"]


def check_policy_content(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the consent vocabulary and every case's claim items (number of terms and items)."""
    n = check_vocabulary(root, ctx)
    for cid in case_ids(root):
        try:
            case = load_case(Path(root) / "cases" / cid)
        except ContentError:
            continue  # the cases check reports these problems
        check_claims(case, ctx)
        n += len(case.claims)
    return n


POLICY = ContentKind("policy", "consent vocabulary terms and claim items", "vocabulary.yaml, cases/<id>/claims.yaml",
                     (VocabularyFile, ClaimsFile), check_policy_content, load_vocabulary_file,
                     translated=(("vocabulary.yaml", VocabularyFile),), after=("cases",))
