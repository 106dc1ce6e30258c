"""Text helpers shared by all apps."""

from django.utils.text import slugify

# German letters as German writes them without umlauts: "für" -> "fuer", not "fur".
_DEUTSCH = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def german_slugify(text: str) -> str:
    """The one slug helper: `slugify` after transliterating ä, ö, ü and ß."""
    return slugify(text.translate(_DEUTSCH))
