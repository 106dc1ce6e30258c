"""Reads of the fund; every one starts from the quartiers the user may read."""

import datetime
from decimal import Decimal

from django.db.models import (
    Count,
    DecimalField,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from quartiere.selectors import quartiere_fuer

from .journal import Buchung
from .models import Fondsantrag, Stadtteilfonds

NULL_EURO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


def _summe_antraege(feld: str, **filter_):
    return Coalesce(
        Subquery(
            Fondsantrag.objects.filter(fonds=OuterRef("pk"), **filter_)
            .order_by()
            .values("fonds")
            .annotate(s=Sum(feld))
            .values("s"),
            output_field=DecimalField(max_digits=12, decimal_places=2),
        ),
        NULL_EURO,
    )


def geldsummen() -> dict:
    """The fund's paid total (`ausgezahlt`, net of repayments) and its open claims back
    (`zurueckgefordert`), summed from its applications' journal sums."""
    return {
        "ausgezahlt": _summe_antraege(F("ausgezahlt_summe") - F("zurueckgezahlt_summe")),
        "zurueckgefordert": _summe_antraege(
            F("zurueckgefordert_summe") - F("zurueckgezahlt_summe")
        ),
    }


def mit_summen(qs: QuerySet[Stadtteilfonds]) -> QuerySet[Stadtteilfonds]:
    """Annotate the paid total and the open applications; the granted total is stored on the
    row. One subquery each (no join): on a page of 50 funds PostgreSQL computes them for those
    rows only, where a join with all applications grouped the whole city's 30,000."""
    offen = (
        Fondsantrag.objects.filter(
            fonds=OuterRef("pk"),
            status__in=[Fondsantrag.Status.EINGEREICHT, Fondsantrag.Status.GEPRUEFT],
        )
        .order_by()
        .values("fonds")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(
        **geldsummen(),
        antraege_offen=Coalesce(Subquery(offen, output_field=IntegerField()), 0),
    )


def fonds_fuer(user) -> QuerySet[Stadtteilfonds]:
    return Stadtteilfonds.objects.filter(quartier__in=quartiere_fuer(user))


def fuer_fondsliste(fonds: QuerySet[Stadtteilfonds]) -> QuerySet[Stadtteilfonds]:
    """The list page's funds with the columns a row shows (not the quartier's GeoJSON border)
    and their sums."""
    return mit_summen(
        fonds.select_related("quartier").only(
            "jahr",
            "budget",
            "bewilligt_summe",
            "vortrag_summe",
            "abgang_summe",
            "quartier__name",
        )
    )


def fonds_detail(user, pk: int) -> Stadtteilfonds:
    return get_object_or_404(
        mit_summen(fonds_fuer(user).select_related("quartier", "programm")), pk=pk
    )


def fonds_seite_fuer(user, pk: int) -> Stadtteilfonds:
    """The fund of its page (404 outside the user's quartiers) with what its head shows and
    its money sums (`geldsummen`) in one query, without the list's counts."""
    return get_object_or_404(
        Stadtteilfonds.objects.filter(quartier__in=quartiere_fuer(user))
        .select_related("quartier", "programm", "entscheidendes_gremium")
        .defer("quartier__grenze")
        .annotate(**geldsummen()),
        pk=pk,
    )


def antraege_nach_status(fonds: Stadtteilfonds) -> list[dict]:
    """The fund's applications grouped by state, in workflow order (one query)."""
    antraege = list(
        fonds.antraege.order_by("-eingegangen_am", "-pk")
        .only(
            "pk",
            "titel",
            "status",
            "betrag_beantragt",
            "betrag_bewilligt",
            "ausgezahlt_summe",
            "eingegangen_am",
            "antragsteller_name",
            "fonds_id",
            "akteur__name",
        )
        .select_related("akteur")
    )
    gruppen = []
    for status in Fondsantrag.Status:
        liste = [a for a in antraege if a.status == status]
        gruppen.append({"status": status, "label": status.label, "antraege": liste})
    return gruppen


def antraege_fuer(user) -> QuerySet[Fondsantrag]:
    return Fondsantrag.objects.filter(fonds__quartier__in=quartiere_fuer(user)).select_related(
        "fonds__quartier"
    )


def antrag_detail(user, pk: int) -> Fondsantrag:
    return get_object_or_404(
        antraege_fuer(user)
        .select_related(
            "akteur",
            "beschluss__sitzung__gremium",
            "entschieden_von",
            "geprueft_von",
            "fonds__entscheidendes_gremium",
        )
        .prefetch_related(
            Prefetch(
                "buchungen",
                Buchung.objects.select_related("gebucht_von").order_by("datum", "pk"),
                to_attr="buchungen_liste",
            )
        ),
        pk=pk,
    )


def ueberfaellige_nachweise(*, stichtag: datetime.date | None = None, user=None):
    """Granted (and paid) applications whose proof of use is past due."""
    stichtag = stichtag or timezone.localdate()
    qs = Fondsantrag.objects.filter(
        status__in=[Fondsantrag.Status.BEWILLIGT, Fondsantrag.Status.AUSGEZAHLT],
        nachweis_faellig_am__lt=stichtag,
    )
    if user is not None:
        qs = qs.filter(fonds__quartier__in=quartiere_fuer(user))
    return qs.select_related("fonds__quartier", "akteur").order_by("nachweis_faellig_am", "pk")


def jahresbuch(fonds: Stadtteilfonds) -> QuerySet[Buchung]:
    """The fund's journal for the city's accounting: every booking in order."""
    return (
        Buchung.objects.filter(fonds=fonds)
        .select_related("antrag", "gebucht_von", "storno_von")
        .order_by("datum", "pk")
    )


def auskunft_antraege(person) -> list[dict[str, str]]:
    """Fund applications filed under the person's e-mail address (Art. 15 DSGVO)."""
    if not person.email:
        return []
    return [
        {
            str(_("Antrag")): a.titel,
            str(_("Fonds")): str(a.fonds),
            str(_("eingegangen am")): date_format(a.eingegangen_am, "SHORT_DATE_FORMAT"),
            str(_("Name")): a.antragsteller_name,
            str(_("E-Mail")): a.antragsteller_email,
            str(_("Telefon")): a.antragsteller_telefon,
            str(_("Anschrift")): a.antragsteller_anschrift,
            str(_("Status")): a.get_status_display(),
        }
        for a in Fondsantrag.objects.filter(
            antragsteller_email__iexact=person.email
        ).select_related("fonds__quartier")
    ]
