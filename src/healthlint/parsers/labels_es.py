"""Spanish credit and date labels, as data for the credit grammar in :mod:`.credits`.

Kept apart from the English grammar so that the Spanish vocabulary can grow without touching
it. Labels are lower case and written with their accents; the grammar matches them
case-insensitively. Sources: the labels printed by MedlinePlus en español ("Última revisión",
"Revisado por", "Fecha de revisión"), CDC en español ("Última actualización", "Página revisada")
and Spanish public health services ("Próxima revisión", "Fecha de actualización").
"""

from __future__ import annotations

from typing import Final

from ..models import DateKind

__all__ = [
    "SPANISH_AUTHOR_LABELS",
    "SPANISH_DATE_LABELS",
    "SPANISH_LABELS",
    "SPANISH_REVIEWER_LABELS",
]

# Same shape as credits.DATE_LABELS: label -> the kind of date it introduces.
SPANISH_DATE_LABELS: Final[dict[str, DateKind]] = {
    "última revisión": "reviewed",
    "ultima revision": "reviewed",
    "fecha de revisión": "reviewed",
    "fecha de la última revisión": "reviewed",
    "revisado el": "reviewed",
    "revisado": "reviewed",
    "revisión": "reviewed",
    "página revisada": "reviewed",
    "actualizado": "updated",
    "actualizado el": "updated",
    "última actualización": "updated",
    "fecha de actualización": "updated",
    "modificado": "updated",
    "próxima revisión": "next_review",
    "fecha de la próxima revisión": "next_review",
    "próxima actualización": "next_review",
}

# Labels that introduce the author(s), as the English "author", "written by".
SPANISH_AUTHOR_LABELS: Final[tuple[str, ...]] = (
    "escrito por",
    "autor",
    "autora",
    "autores",
    "autoras",
    "redactado por",
    "elaborado por",
    "por",
)

# Labels that introduce the medical reviewer(s), as the English "reviewed by".
SPANISH_REVIEWER_LABELS: Final[tuple[str, ...]] = (
    "revisado por",
    "revisada por",
    "revisión médica",
    "revisión médica por",
    "revisor médico",
    "revisora médica",
    "revisores",
    "actualizado por",
)

# Everything in one table, for tooling that lists labels by role.
SPANISH_LABELS: Final[dict[str, tuple[str, ...]]] = {
    "date": tuple(SPANISH_DATE_LABELS),
    "author": SPANISH_AUTHOR_LABELS,
    "reviewer": SPANISH_REVIEWER_LABELS,
}
