"""Who may see and edit what, per quartier.

Leitung (group) reads every quartier; a current Zuständigkeit gives its role in one quartier:
Quartiersmanagement edits, Leitung and Lesend read. Superusers pass every check through Django.
Other apps guard their objects with `darf_quartier_lesen` / `darf_quartier_bearbeiten` on the
object's quartier, so the rule lives here once.
"""

import rules

from .models import Zustaendigkeit

GRUPPE_QUARTIERSMANAGEMENT = "Quartiersmanagement"
GRUPPE_LEITUNG = "Leitung"
GRUPPE_LESEND = "Lesend"
GRUPPEN = (GRUPPE_QUARTIERSMANAGEMENT, GRUPPE_LEITUNG, GRUPPE_LESEND)


@rules.predicate
def ist_leitung(user):
    """Member of the city-wide Leitung group: reads all quartiers and the city reports."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_ist_leitung"):
        user._ist_leitung = user.groups.filter(name=GRUPPE_LEITUNG).exists()
    return user._ist_leitung


def _rollen_in(user, quartier) -> set[str]:
    """The user's current roles in one quartier, cached on the user for the request."""
    if not user.is_authenticated or quartier is None:
        return set()
    cache = getattr(user, "_rollen_je_quartier", None)
    if cache is None:
        cache = user._rollen_je_quartier = {}
    if quartier.pk not in cache:
        cache[quartier.pk] = set(
            Zustaendigkeit.objects.aktuell()
            .filter(benutzer=user, quartier=quartier)
            .values_list("rolle", flat=True)
        )
    return cache[quartier.pk]


@rules.predicate
def ist_zustaendig(user, quartier):
    """Any current role in this quartier (Quartiersmanagement, Leitung or Lesend)."""
    return bool(_rollen_in(user, quartier))


@rules.predicate
def ist_quartiersmanager(user, quartier):
    """Currently assigned as Quartiersmanagement in this quartier: may edit its records."""
    return Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT in _rollen_in(user, quartier)


@rules.predicate
def ist_irgendwo_quartiersmanager(user):
    """Currently assigned as Quartiersmanagement in at least one quartier."""
    if not user.is_authenticated:
        return False
    return (
        Zustaendigkeit.objects.aktuell()
        .filter(benutzer=user, rolle=Zustaendigkeit.Rolle.QUARTIERSMANAGEMENT)
        .exists()
    )


darf_quartier_lesen = rules.is_superuser | ist_leitung | ist_zustaendig
darf_quartier_bearbeiten = rules.is_superuser | ist_quartiersmanager
#: May create records (needs, assessments, projects) in some quartier: the "create" buttons.
darf_anlegen = rules.is_superuser | ist_irgendwo_quartiersmanager

rules.add_perm("quartiere.view_quartier", darf_quartier_lesen)

# Optional TOTP second factor (quartiersmanagement/zwei_faktor.py) for admins and Leitung.
# Also a rule, so the menu can test it without the model backend's permission queries.
darf_zwei_faktor_nutzen = rules.is_superuser | rules.is_staff | ist_leitung
rules.add_rule("zwei_faktor_nutzen", darf_zwei_faktor_nutzen)
rules.add_perm("quartiersmanagement.zwei_faktor_nutzen", darf_zwei_faktor_nutzen)
