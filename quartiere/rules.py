"""Who may see and edit what, per quartier: named predicates over the request's access object
(`quartiere.zugriff`). Other apps guard their objects with `darf_quartier_lesen` /
`darf_quartier_bearbeiten` on the object's quartier (the Quartier or its id: an id saves
loading the quartier), so the rule lives here once.
"""

import rules

from .zugriff import zugriff_fuer


def _quartier_id(quartier) -> int | None:
    return getattr(quartier, "pk", quartier)


@rules.predicate
def ist_leitung(user):
    """Member of the city-wide Leitung group: reads all quartiers and the city reports."""
    return zugriff_fuer(user).ist_leitung


@rules.predicate
def ist_zustaendig(user, quartier):
    """Any current role in this quartier (Quartiersmanagement, Leitung or Lesend)."""
    return _quartier_id(quartier) in zugriff_fuer(user).lesbar


@rules.predicate
def ist_quartiersmanager(user, quartier):
    """Currently assigned as Quartiersmanagement in this quartier: may edit its records."""
    return _quartier_id(quartier) in zugriff_fuer(user).bearbeitbar


@rules.predicate
def ist_irgendwo_quartiersmanager(user):
    """Currently assigned as Quartiersmanagement in at least one quartier."""
    return bool(zugriff_fuer(user).bearbeitbar)


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
