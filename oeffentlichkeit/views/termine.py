"""The public dates of a quartier: list and month calendar, iCal feed, notice-board PDF."""

import datetime
from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from quartiere.models import Quartier
from quartiersmanagement import ical, shared_cache
from quartiersmanagement.pdf import pdf_response

from .. import selectors
from .shared import event_ld, public_page, time_window


def _monat_aus(wert: str) -> datetime.date:
    """`YYYY-MM` from the query string; anything else (or out of range) is this month."""
    heute = timezone.localdate().replace(day=1)
    try:
        jahr, monat = (int(teil) for teil in wert.split("-"))
        gewaehlt = datetime.date(jahr, monat, 1)
    except ValueError:
        return heute
    return gewaehlt if 2000 <= gewaehlt.year <= 2100 else heute


@login_not_required
@require_safe
@public_page
def termine(request, slug):
    """List of the coming dates, or with ?ansicht=monat a month calendar (?monat=YYYY-MM)."""
    q = selectors.oeffentliches_quartier(slug)
    kontext = {"quartier": q, "ansicht": "liste"}
    if request.GET.get("ansicht") == "monat":
        erster = _monat_aus(request.GET.get("monat", ""))
        davor = (erster - datetime.timedelta(days=1)).replace(day=1)
        danach = (erster + datetime.timedelta(days=32)).replace(day=1)
        wochen = selectors.monat(q, erster.year, erster.month)
        liste = [t for woche in wochen for tag in woche for t in tag["termine"]]
        kontext |= {
            "ansicht": "monat",
            "erster": erster,
            "wochen": wochen,
            "davor": davor,
            "danach": danach,
            "wochentage": [
                _("Montag"),
                _("Dienstag"),
                _("Mittwoch"),
                _("Donnerstag"),
                _("Freitag"),
                _("Samstag"),
                _("Sonntag"),
            ],
        }
    else:
        liste = selectors.kommende_termine(q)
    kontext |= {"termine": liste, "termine_ld": event_ld(request, q, liste)}
    return render(request, "oeffentlichkeit/termine.html", kontext)


@login_not_required
@require_safe
def aushang(request, slug):
    """A4 notice for the board of the Stadtteilbüro: the next public dates and the contact."""
    q = selectors.oeffentliches_quartier(slug)
    return pdf_response(
        "oeffentlichkeit/pdf/aushang.html",
        {"quartier": q, "termine": selectors.kommende_termine(q, anzahl=12)},
        filename=f"aushang-{q.slug}",
    )


@login_not_required
@require_safe
@public_page
def termine_ics(request, slug):
    """The quartier's public dates as an iCalendar feed. Building it (icalendar objects for
    a few hundred dates) cost four times a plain page, and the feed is the same for every
    visitor: it comes from the shared cache, keyed by the quartier and the page address it
    links to (scheme and host come from the request). The feed window
    (`ical.window_start`) moves on with the clock, the key with it (`time_window`)."""
    q = selectors.oeffentliches_quartier(slug)
    url = request.build_absolute_uri(reverse("oeffentlichkeit:termine", kwargs={"slug": q.slug}))
    inhalt = shared_cache.cached(
        "oeffentliche_termine_ics",
        partial(termine_ical, q.pk, url),
        params=(q.pk, url, time_window()),
        quartier_ids=[q.pk],
        models=TERMINE_ICS_MODELS,
    )
    return ical.ical_response(inhalt, filename=f"oeffentliche-termine-{q.slug}")


#: The models whose records the feed reads: writes of other models keep it cached
#: (tests/quartiersmanagement/test_shared_cache_models.py compares them with its tables).
TERMINE_ICS_MODELS = ("akteure.gremium", "akteure.sitzung", "projekte.termin")


def termine_ical(quartier_id: int, url: str) -> bytes:
    """The feed of `termine_ics`; it gets the quartier's id and the page address only."""
    name = Quartier.objects.values_list("name", flat=True).get(pk=quartier_id)
    cal = ical.calendar(name=_("Öffentliche Termine %(quartier)s") % {"quartier": name})
    for t in selectors.termine(quartier_id, ab=ical.window_start()):
        cal.add_component(
            ical.event(
                uid=t.uid,
                start=t.beginn,
                end=t.ende,
                title=t.titel,
                modified=t.geaendert,
                sequence=t.sequenz,
                location=t.ort,
                description=t.beschreibung,
                url=url,
                cancelled=t.abgesagt,
            )
        )
    return ical.ical_bytes(cal)
