"""One search over every kind of record, German full text, scoped like the lists.

Each kind starts from the queryset its list starts from (the app's selector or
`quartiere_fuer`), so a record of a quartier the user may not read is never found. Needs,
actors and projects have a stored, indexed search vector; the other kinds build theirs on
the fly (their tables are small per quartier). One query per kind, capped at `JE_ART`
hits, ranked: the number of queries does not grow with the data.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from akteure import selectors as akteure_selectors
from akteure.models import Beschluss, Gremium, Sitzung
from bedarfe.models import Bedarf, Erhebung
from oeffentlichkeit.models import Beitrag
from projekte import selectors as projekte_selectors
from projekte.models import Fondsantrag, Termin
from quartiere.selectors import quartiere_fuer

JE_ART = 10
MIN_LAENGE = 2


@dataclass(frozen=True)
class Treffer:
    titel: str
    url: str
    quartier: str
    detail: str = ""


def _vektor(*felder: str) -> SearchVector:
    """Fields in order of weight (A, B, C …), German stemming."""
    vektoren = [
        SearchVector(feld, weight="ABCD"[min(i, 3)], config="german")
        for i, feld in enumerate(felder)
    ]
    ergebnis = vektoren[0]
    for v in vektoren[1:]:
        ergebnis = ergebnis + v
    return ergebnis


def _gespeichert(qs, anfrage):
    return qs.filter(suchvektor=anfrage).annotate(rang=SearchRank(F("suchvektor"), anfrage))


def _fliegend(qs, anfrage, *felder):
    return (
        qs.annotate(_sv=_vektor(*felder))
        .filter(_sv=anfrage)
        .annotate(rang=SearchRank(F("_sv"), anfrage))
    )


def _arten(user, anfrage):
    """(label, ranked queryset, row -> Treffer) per kind."""
    quartiere = quartiere_fuer(user)
    return [
        (
            _("Bedarfe"),
            _gespeichert(
                Bedarf.objects.filter(quartier__in=quartiere).select_related("quartier"), anfrage
            ).defer("suchvektor"),
            lambda b: Treffer(
                b.titel, b.get_absolute_url(), b.quartier.name, b.get_status_display()
            ),
        ),
        (
            _("Erhebungen"),
            _fliegend(
                Erhebung.objects.filter(quartier__in=quartiere).select_related("quartier"),
                anfrage,
                "titel",
                "notizen",
            ),
            lambda e: Treffer(
                e.titel, e.get_absolute_url(), e.quartier.name, e.get_methode_display()
            ),
        ),
        (
            _("Akteure"),
            _gespeichert(akteure_selectors.akteure_fuer(user), anfrage).defer("suchvektor"),
            lambda a: Treffer(a.name, a.get_absolute_url(), "", a.get_art_display()),
        ),
        (
            _("Personen"),
            _fliegend(akteure_selectors.personen_fuer(user), anfrage, "nachname", "vorname"),
            lambda p: Treffer(str(p), p.get_absolute_url(), ""),
        ),
        (
            _("Gremien"),
            _fliegend(
                Gremium.objects.filter(quartier__in=quartiere).select_related("quartier"),
                anfrage,
                "name",
                "beschreibung",
            ),
            lambda g: Treffer(g.name, g.get_absolute_url(), g.quartier.name, g.get_art_display()),
        ),
        (
            _("Sitzungen"),
            _fliegend(
                Sitzung.objects.filter(gremium__quartier__in=quartiere).select_related(
                    "gremium__quartier"
                ),
                anfrage,
                "titel",
                "gremium__name",
                "protokoll",
            ),
            lambda s: Treffer(
                f"{s.gremium.name}: {s.titel}" if s.titel else s.gremium.name,
                s.get_absolute_url(),
                s.gremium.quartier.name,
                f"{s.beginn:%d.%m.%Y}",
            ),
        ),
        (
            _("Beschlüsse"),
            _fliegend(
                Beschluss.objects.filter(sitzung__gremium__quartier__in=quartiere).select_related(
                    "sitzung__gremium__quartier"
                ),
                anfrage,
                "text",
            ),
            lambda b: Treffer(
                b.text[:120],
                b.sitzung.get_absolute_url(),
                b.sitzung.gremium.quartier.name,
                b.sitzung.gremium.name,
            ),
        ),
        (
            _("Projekte"),
            _gespeichert(
                projekte_selectors.projekte_fuer(user).prefetch_related(None), anfrage
            ).defer("suchvektor"),
            lambda p: Treffer(p.titel, p.get_absolute_url(), "", p.get_status_display()),
        ),
        (
            _("Termine"),
            _fliegend(
                Termin.objects.filter(quartier__in=quartiere).select_related("quartier"),
                anfrage,
                "titel",
                "ort",
                "beschreibung",
            ),
            lambda t: Treffer(
                t.titel, t.get_absolute_url(), t.quartier.name, f"{t.beginn:%d.%m.%Y}"
            ),
        ),
        (
            _("Fondsanträge"),
            _fliegend(
                Fondsantrag.objects.filter(fonds__quartier__in=quartiere).select_related(
                    "fonds__quartier"
                ),
                anfrage,
                "titel",
                "referenz",
                "zweck",
            ),
            lambda a: Treffer(
                f"{a.referenz}: {a.titel}",
                a.get_absolute_url(),
                a.fonds.quartier.name,
                a.get_status_display(),
            ),
        ),
        (
            _("Beiträge"),
            _fliegend(
                Beitrag.objects.filter(quartier__in=quartiere).select_related("quartier"),
                anfrage,
                "titel",
                "teaser",
                "text",
            ),
            lambda b: Treffer(
                b.titel,
                reverse("oeffentlichkeit:beitrag_bearbeiten", kwargs={"pk": b.pk}),
                b.quartier.name,
            ),
        ),
    ]


def suchen(user, text: str) -> list[tuple[str, list[Treffer]]]:
    """The hits per kind (kinds without hits left out), best first within a kind."""
    text = text.strip()
    if len(text) < MIN_LAENGE:
        return []
    anfrage = SearchQuery(text, config="german", search_type="websearch")
    gruppen = []
    for label, qs, als_treffer in _arten(user, anfrage):
        treffer = [als_treffer(r) for r in qs.order_by("-rang", "-pk")[:JE_ART]]
        if treffer:
            gruppen.append((label, treffer))
    return gruppen
