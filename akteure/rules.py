"""Who may see and edit actors, persons and committees.

An actor belongs to several quartiers: whoever may read one of them reads the actor; the
Quartiersmanagement of one of them edits it. A person is personal data: visible only to staff
of a quartier where she is active, i.e. has (or had) a Funktion at an actor of that quartier or
a Mitgliedschaft in a Gremium of that quartier. Committees and meetings follow their quartier.
"""

import rules

from quartiere.rules import darf_quartier_bearbeiten, darf_quartier_lesen
from quartiere.selectors import bearbeitbare_quartiere_fuer, quartiere_fuer


def lesbare_quartier_ids(user) -> set[int]:
    """Ids of the quartiers the user reads, cached on the user for the request."""
    if not hasattr(user, "_akteure_lesbar"):
        user._akteure_lesbar = set(quartiere_fuer(user).values_list("pk", flat=True))
    return user._akteure_lesbar


def bearbeitbare_quartier_ids(user) -> set[int]:
    if not hasattr(user, "_akteure_bearbeitbar"):
        user._akteure_bearbeitbar = set(
            bearbeitbare_quartiere_fuer(user).values_list("pk", flat=True)
        )
    return user._akteure_bearbeitbar


def _quartier_ids_von_akteur(akteur) -> set[int]:
    return {q.pk for q in akteur.quartiere.all()}


def quartier_ids_von_person(person) -> set[int]:
    """Quartiers where a person is active (Funktion at an actor there, or a membership)."""
    from .models import Akteur, Gremium

    ueber_akteure = Akteur.quartiere.through.objects.filter(
        akteur__funktionen__person=person
    ).values_list("quartier_id", flat=True)
    ueber_gremien = Gremium.objects.filter(mitgliedschaften__person=person).values_list(
        "quartier_id", flat=True
    )
    return set(ueber_akteure) | set(ueber_gremien)


@rules.predicate
def darf_akteur_lesen(user, akteur):
    if user.is_superuser:
        return True
    return bool(_quartier_ids_von_akteur(akteur) & lesbare_quartier_ids(user))


@rules.predicate
def darf_akteur_bearbeiten(user, akteur):
    if user.is_superuser:
        return True
    return bool(_quartier_ids_von_akteur(akteur) & bearbeitbare_quartier_ids(user))


@rules.predicate
def darf_akteure_anlegen(user):
    """Quartiersmanagement of at least one quartier (or superuser)."""
    return user.is_superuser or bool(bearbeitbare_quartier_ids(user))


@rules.predicate
def darf_person_lesen(user, person):
    if user.is_superuser:
        return True
    return bool(quartier_ids_von_person(person) & lesbare_quartier_ids(user))


@rules.predicate
def darf_person_bearbeiten(user, person):
    if user.is_superuser:
        return True
    return bool(quartier_ids_von_person(person) & bearbeitbare_quartier_ids(user))


@rules.predicate
def darf_gremium_lesen(user, gremium):
    return darf_quartier_lesen(user, gremium.quartier)


@rules.predicate
def darf_gremium_bearbeiten(user, gremium):
    return darf_quartier_bearbeiten(user, gremium.quartier)


@rules.predicate
def darf_sitzung_bearbeiten(user, sitzung):
    return darf_quartier_bearbeiten(user, sitzung.gremium.quartier)


rules.add_perm("akteure.view_akteur", darf_akteur_lesen)
rules.add_perm("akteure.add_akteur", darf_akteure_anlegen)
rules.add_perm("akteure.change_akteur", darf_akteur_bearbeiten)
rules.add_perm("akteure.view_person", darf_person_lesen)
rules.add_perm("akteure.change_person", darf_person_bearbeiten)
rules.add_perm("akteure.view_gremium", darf_gremium_lesen)
rules.add_perm("akteure.change_gremium", darf_gremium_bearbeiten)
rules.add_perm("akteure.change_sitzung", darf_sitzung_bearbeiten)
