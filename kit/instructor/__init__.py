"""Instructor tools behind ``python -m kit``: ``check``, ``release``, ``new-case``, ``results``.

Students never need these; they live apart from the student-facing logic in :mod:`kit`.
"""
