"""Reads of the akteure app; every list starts from the user's quartiers.

Also the counts the gap analysis of other apps uses; the network lives in `netzwerk`, the
committees in `gremien.selectors`."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from quartiere.models import Handlungsfeld, Quartier
from quartiere.selectors import quartiere_fuer

from .gremien.selectors import offene_aufgaben  # noqa: F401  (read by berichte)
from .models import (
    Akteur,
    Beziehung,
    Einwilligung,
    Funktion,
    Kalenderzugang,
    Mitgliedschaft,
    Person,
)
from .netzwerk import (  # noqa: F401  (the network is read through this module)
    Netzwerk,
    netzwerk_daten,
    netzwerk_kennzahlen,
    netzwerk_ueberblick,
)

AkteurQuartier = Akteur.quartiere.through
AkteurHandlungsfeld = Akteur.handlungsfelder.through
AkteurZielgruppe = Akteur.zielgruppen.through


# --- Akteure -------------------------------------------------------------------------------


def akteure_fuer(user) -> QuerySet[Akteur]:
    """Actors of at least one quartier the user reads (no duplicates, no DISTINCT)."""
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier__in=quartiere_fuer(user)).values("akteur")
    )


def waehlbare_akteure(user) -> QuerySet[Akteur]:
    """Actors a pick list (project partner, fund applicant) may offer the user: the active
    actors of a quartier the user reads plus the publicly listed ones (an actor has no
    city-wide flag; a public actor's name is no secret). Services check a chosen actor against
    the same set, so a forged id of another quartier's non-public actor is refused."""
    return (akteure_fuer(user).filter(aktiv=True) | Akteur.objects.oeffentlich()).order_by("name")


def akteure_in(quartier) -> QuerySet[Akteur]:
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier=quartier).values("akteur")
    )


def oeffentliche_akteure(quartier) -> QuerySet[Akteur]:
    """Actors a public page of the quartier may list: active and with recorded consent."""
    return (
        akteure_in(quartier)
        .oeffentlich()
        .prefetch_related("handlungsfelder", "zielgruppen")
        .order_by("name")
    )


def akteure_suchen(qs: QuerySet[Akteur], suchbegriff: str) -> QuerySet[Akteur]:
    """German full-text search on the generated, GIN-indexed search vector."""
    anfrage = SearchQuery(suchbegriff, config="german", search_type="websearch")
    return (
        qs.filter(suchvektor=anfrage)
        .annotate(rang=SearchRank(F("suchvektor"), anfrage))
        .order_by("-rang", "name")
    )


def akteure_liste(user) -> QuerySet[Akteur]:
    return akteure_fuer(user).prefetch_related("quartiere", "handlungsfelder", "zielgruppen")


def fuer_listenseite(akteure: QuerySet[Akteur]) -> QuerySet[Akteur]:
    """The list page's actors with only the shown columns and relations, the relations as
    plain lists (`quartiere_liste`, `handlungsfelder_liste`), so a row reads them without a
    queryset clone per row (and no quartier's GeoJSON border is read)."""
    return (
        akteure.only("name", "art", "ort", "aktiv", "oeffentlich")
        .prefetch_related(None)
        .prefetch_related(
            Prefetch("quartiere", Quartier.objects.only("name"), to_attr="quartiere_liste"),
            Prefetch(
                "handlungsfelder",
                Handlungsfeld.objects.only("name"),
                to_attr="handlungsfelder_liste",
            ),
        )
    )


def akteur_detail(user, pk: int) -> Akteur:
    qs = akteure_fuer(user).prefetch_related(
        "quartiere",
        "handlungsfelder",
        "zielgruppen",
        Prefetch(
            "funktionen",
            queryset=Funktion.objects.select_related("person"),
            to_attr="alle_funktionen",
        ),
        Prefetch(
            "beziehungen_ausgehend",
            queryset=Beziehung.objects.select_related("ziel", "art"),
            to_attr="alle_ausgehend",
        ),
        Prefetch(
            "beziehungen_eingehend",
            queryset=Beziehung.objects.select_related("quelle", "art"),
            to_attr="alle_eingehend",
        ),
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("gremium", "gremium__quartier"),
            to_attr="alle_mitgliedschaften",
        ),
    )
    return get_object_or_404(qs, pk=pk)


def akteur_bearbeitbar(user, pk: int) -> Akteur:
    """An actor the user reads (else 404); the view checks the edit right (else 403)."""
    return get_object_or_404(akteure_fuer(user).prefetch_related("quartiere"), pk=pk)


def beziehung_fuer(user, pk: int) -> Beziehung:
    """A relation starting at an actor the user reads (else 404)."""
    return get_object_or_404(
        Beziehung.objects.select_related("quelle", "ziel", "art").filter(
            quelle__in=akteure_fuer(user)
        ),
        pk=pk,
    )


# --- Personen ------------------------------------------------------------------------------


def _personen_in(quartiere) -> QuerySet[Person]:
    return Person.objects.filter(
        Q(
            pk__in=Funktion.objects.filter(
                akteur__in=AkteurQuartier.objects.filter(quartier__in=quartiere).values("akteur")
            ).values("person")
        )
        | Q(
            pk__in=Mitgliedschaft.objects.filter(
                gremium__quartier__in=quartiere, person__isnull=False
            ).values("person")
        )
    )


def personen_im_quartier(quartier) -> QuerySet[Person]:
    """Persons active in one quartier (choices for attendance and action items there)."""
    return _personen_in([quartier])


def personen_fuer(user) -> QuerySet[Person]:
    """Persons active in a quartier the user reads; nobody else's personal data."""
    if user.is_superuser:
        return Person.objects.all()
    return _personen_in(quartiere_fuer(user))


def person_fuer(user, pk: int) -> Person:
    """A person the user may read (else 404)."""
    return get_object_or_404(personen_fuer(user), pk=pk)


def funktion_fuer(user, pk: int) -> Funktion:
    return get_object_or_404(
        Funktion.objects.select_related("person", "akteur").filter(person__in=personen_fuer(user)),
        pk=pk,
    )


def einwilligung_fuer(user, pk: int) -> Einwilligung:
    return get_object_or_404(
        Einwilligung.objects.select_related("person").filter(person__in=personen_fuer(user)),
        pk=pk,
    )


def person_detail(user, pk: int) -> Person:
    qs = personen_fuer(user).prefetch_related(
        Prefetch(
            "funktionen",
            queryset=Funktion.objects.select_related("akteur"),
            to_attr="alle_funktionen",
        ),
        Prefetch(
            "mitgliedschaften",
            queryset=Mitgliedschaft.objects.select_related("gremium"),
            to_attr="alle_mitgliedschaften",
        ),
        "einwilligungen",
    )
    return get_object_or_404(qs, pk=pk)


# --- Lückenanalyse (used by other apps) ----------------------------------------------------


def _aktive_akteure_je(zuordnung, spalte: str, quartier) -> dict[int, int]:
    """Term id -> number of active actors of the quartier tagged with it (one query)."""
    return dict(
        zuordnung.objects.filter(
            akteur__aktiv=True,
            akteur__in=AkteurQuartier.objects.filter(quartier=quartier).values("akteur"),
        )
        .values(spalte)
        .annotate(anzahl=Count("akteur_id", distinct=True))
        .values_list(spalte, "anzahl")
    )


def aktive_akteure_je_handlungsfeld(quartier) -> dict[int, int]:
    """Handlungsfeld id -> number of active actors of the quartier working in it (1 query)."""
    return _aktive_akteure_je(AkteurHandlungsfeld, "handlungsfeld_id", quartier)


def aktive_akteure_je_zielgruppe(quartier) -> dict[int, int]:
    """Zielgruppe id -> number of active actors of the quartier serving it (1 query)."""
    return _aktive_akteure_je(AkteurZielgruppe, "zielgruppe_id", quartier)


def luecken(quartier) -> tuple[list, list]:
    """Active Handlungsfelder and Zielgruppen that no active actor of the quartier covers
    (one query each)."""
    from quartiere.models import Handlungsfeld, Zielgruppe

    aktive = AkteurQuartier.objects.filter(quartier=quartier, akteur__aktiv=True).values("akteur")
    felder = Handlungsfeld.objects.filter(aktiv=True).exclude(
        pk__in=AkteurHandlungsfeld.objects.filter(akteur__in=aktive).values("handlungsfeld")
    )
    gruppen = Zielgruppe.objects.filter(aktiv=True).exclude(
        pk__in=AkteurZielgruppe.objects.filter(akteur__in=aktive).values("zielgruppe")
    )
    return list(felder), list(gruppen)


def akteure_in_quartieren(quartiere) -> QuerySet[Akteur]:
    return Akteur.objects.filter(
        pk__in=AkteurQuartier.objects.filter(quartier__in=quartiere).values("akteur")
    )


def benutzer_zum_token(token: str):
    """The user a calendar feed token belongs to, or None."""
    zugang = (
        Kalenderzugang.objects.select_related("benutzer")
        .filter(token_hash=Kalenderzugang.hash(token), benutzer__is_active=True)
        .first()
    )
    return zugang.benutzer if zugang else None
