"""The content layer: load and validate what lives under ``data/``. Every mistake becomes one ContentError."""

from .case import Case, Document, Event, Source, Statement, Version
from .errors import ContentError, Problem
from .loader import case_ids, check_all, data_root, load_case
from .schema import PartialDate

__all__ = [
    "Case",
    "ContentError",
    "Document",
    "Event",
    "PartialDate",
    "Problem",
    "Source",
    "Statement",
    "Version",
    "case_ids",
    "check_all",
    "data_root",
    "load_case",
]
