"""The content layer: load and validate what lives under ``data/``. Every mistake becomes one ContentError."""

from .base import data_root
from .case import Case, Document, Event, Source, Statement, Version
from .cases import case_ids, load_case
from .errors import BadArgument, ContentError, KitError, NotFound, Problem
from .registry import KINDS, check_all
from .schema import PartialDate

__all__ = [
    "KINDS",
    "Case",
    "BadArgument",
    "ContentError",
    "KitError",
    "NotFound",
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
