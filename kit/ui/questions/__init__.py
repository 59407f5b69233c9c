"""The input views of the question types, one per type (see :mod:`kit.ui.questions.base`)."""
