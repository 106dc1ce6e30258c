"""Public pages of the quartiers: no login, read-only, only what is flagged public."""

import datetime
import functools
import time
from functools import partial

from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.middleware.http import ConditionalGetMiddleware
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.decorators import decorator_from_middleware
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from karten import selectors as karten
from quartiere.models import Quartier
from quartiersmanagement import ical, shared_cache
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.http import client_ip
from quartiersmanagement.pdf import pdf_response

from . import selectors, services
from .forms import OnlineAntragForm, RueckmeldungForm
from .models import Seite

_bedingt = decorator_from_middleware(ConditionalGetMiddleware)


def zwischenspeicherbar(view):
    """Public pages: shared caches may keep them a minute, then revalidate with the ETag
    (a 304 without body when nothing changed). Nothing on them depends on the visitor."""

    @functools.wraps(view)
    def mit_cache_control(request, *args, **kwargs):
        antwort = view(request, *args, **kwargs)
        if antwort.status_code == 200:
            patch_cache_control(antwort, public=True, max_age=60)
        return antwort

    return _bedingt(mit_cache_control)


ANZAHL_TERMINE = 5
ANZAHL_BEITRAEGE = 5
ANZAHL_IM_FEED = 20
ZEITFENSTER = 5 * 60  # seconds


def _event_ld(request, quartier, termine) -> list[dict]:
    """schema.org Event data for search engines and calendar apps."""
    return [
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": t.titel,
            "startDate": t.beginn.isoformat(),
            **({"endDate": t.ende.isoformat()} if t.ende else {}),
            "eventStatus": "https://schema.org/EventCancelled"
            if t.abgesagt
            else "https://schema.org/EventScheduled",
            "location": {"@type": "Place", "name": t.ort or quartier.name},
            **({"description": t.beschreibung} if t.beschreibung else {}),
            "url": request.build_absolute_uri(
                reverse("oeffentlichkeit:termine", kwargs={"slug": quartier.slug})
            ),
        }
        for t in termine
    ]


@login_not_required
@require_safe
@zwischenspeicherbar
def uebersicht(request):
    return render(
        request,
        "oeffentlichkeit/uebersicht.html",
        {"quartiere": selectors.oeffentliche_quartiere()},
    )


def _zeitfenster() -> int:
    """The number of the current five-minute window: part of the key of shared content that
    lists coming dates, so a date that has begun leaves it at most five minutes late (as long
    as the shared HTTP caches may keep the page, `zwischenspeicherbar`)."""
    return int(time.time() // ZEITFENSTER)


@login_not_required
@require_safe
@zwischenspeicherbar
def quartier(request, slug):
    """A quartier's public page. What it shows is the same for every visitor: it comes from
    the shared cache, built from the quartier's id only; the page itself (with the request's
    address in its links) is rendered each time."""
    q = selectors.oeffentliches_quartier(slug)
    daten = shared_cache.cached(
        "oeffentliche_quartierseite",
        partial(quartier_daten, q.pk),
        params=(q.pk, _zeitfenster()),
        quartier_ids=[q.pk],
    )
    return render(
        request,
        "oeffentlichkeit/quartier.html",
        {**daten, "quartier": q, "termine_ld": _event_ld(request, q, daten["termine"])},
    )


def quartier_daten(quartier_id: int) -> dict:
    """What the public quartier page lists; it gets the quartier's id only, never the request."""
    return {
        "termine": selectors.kommende_termine(quartier_id, anzahl=ANZAHL_TERMINE),
        "projekte": list(selectors.aktuelle_projekte(quartier_id)),
        "beitraege": list(selectors.beitraege(quartier_id)[:ANZAHL_BEITRAEGE]),
        "bedarfe": selectors.beantwortete_bedarfe(quartier_id),
        "karte": karten.kontext(
            karten.oeffentliche_karte(quartier_id), karte_id="karte", titel=_("Karte")
        ),
    }


@login_not_required
@require_safe
@zwischenspeicherbar
def projekt(request, slug, projekt):
    q = selectors.oeffentliches_quartier(slug)
    p = selectors.oeffentliches_projekt(q, projekt)
    termine = selectors.kommende_termine(q, projekt=p)
    return render(
        request,
        "oeffentlichkeit/projekt.html",
        {
            "quartier": q,
            "projekt": p,
            "termine": termine,
            "termine_ld": _event_ld(request, q, termine),
        },
    )


@login_not_required
@require_safe
@zwischenspeicherbar
def akteure(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/akteure.html",
        {"quartier": q, "akteure": list(selectors.akteure(q))},
    )


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
@zwischenspeicherbar
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
    kontext |= {"termine": liste, "termine_ld": _event_ld(request, q, liste)}
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
@zwischenspeicherbar
def termine_ics(request, slug):
    """The quartier's public dates as an iCalendar feed. Building it (icalendar objects for
    a few hundred dates) cost four times a plain page, and the feed is the same for every
    visitor: it comes from the shared cache, keyed by the quartier and the page address it
    links to (scheme and host come from the request). The feed window
    (`ical.window_start`) moves on with the clock, the key with it (`_zeitfenster`)."""
    q = selectors.oeffentliches_quartier(slug)
    url = request.build_absolute_uri(reverse("oeffentlichkeit:termine", kwargs={"slug": q.slug}))
    inhalt = shared_cache.cached(
        "oeffentliche_termine_ics",
        partial(termine_ical, q.pk, url),
        params=(q.pk, url, _zeitfenster()),
        quartier_ids=[q.pk],
    )
    return ical.ical_response(inhalt, filename=f"oeffentliche-termine-{q.slug}")


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


@login_not_required
@require_safe
@zwischenspeicherbar
def beitrag(request, slug, pk):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/beitrag.html",
        {"quartier": q, "beitrag": selectors.oeffentlicher_beitrag(q, pk)},
    )


class BeitragFeed(Feed):
    """Atom feed of a quartier's published news."""

    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return selectors.oeffentliches_quartier(slug)

    def title(self, obj):
        return _("Neuigkeiten aus %(quartier)s") % {"quartier": obj.name}

    def link(self, obj):
        return reverse("oeffentlichkeit:quartier", kwargs={"slug": obj.slug})

    def subtitle(self, obj):
        return _("Beiträge des Quartiersmanagements %(quartier)s") % {"quartier": obj.name}

    def items(self, obj):
        return shared_cache.cached(
            "oeffentliche_beitraege_atom",
            partial(feed_beitraege, obj.pk),
            params=(obj.pk,),
            quartier_ids=[obj.pk],
        )

    def item_title(self, item):
        return item.titel

    def item_description(self, item):
        return item.teaser

    def item_pubdate(self, item):
        return item.erstellt.replace(
            year=item.veroeffentlicht_am.year,
            month=item.veroeffentlicht_am.month,
            day=item.veroeffentlicht_am.day,
        )

    def item_updateddate(self, item):
        return item.geaendert


def feed_beitraege(quartier_id: int) -> list:
    """The news of the Atom feed (the same for every reader; the feed is rendered per request
    because its links carry the request's address)."""
    return list(selectors.beitraege(quartier_id).select_related("quartier")[:ANZAHL_IM_FEED])


_feed = BeitragFeed()


@login_not_required
@require_safe
@zwischenspeicherbar
def feed(request, slug):
    return _feed(request, slug=slug)


@login_not_required
@require_safe
@zwischenspeicherbar
def seite(request, art):
    if art not in Seite.Art.values:
        raise Http404
    return render(
        request,
        "oeffentlichkeit/seite.html",
        {"art": art, "titel": Seite.Art(art).label, "seite": selectors.seite(art)},
    )


def _im_limit(request, form, formular: str) -> bool:
    """Count this submission (valid or not) against the address's hourly limit; past it the
    form shows the limit's message and nothing is processed."""
    if services.formularversuch_zaehlen(formular=formular, ip=client_ip(request)):
        return True
    form.is_valid()
    form.add_error(None, services.LIMIT_MELDUNG)
    return False


@login_not_required
def antrag(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    fonds = services.aktueller_fonds(q)
    form = OnlineAntragForm(request.POST or None)
    if request.method == "POST" and fonds is not None and _im_limit(request, form, "antrag"):
        if form.ist_spam():
            # A bot sees what a person sees; nothing is stored or mailed.
            request.session["antrag_referenz"] = services.scheinreferenz()
            return redirect("oeffentlichkeit:antrag_danke", slug=q.slug)
        if form.is_valid():
            daten = {k: v for k, v in form.cleaned_data.items() if k != "webseite"}
            try:
                neu = services.online_antrag_stellen(quartier=q, **daten)
            except ValidationError as e:
                add_form_errors(form, e)
            else:
                request.session["antrag_referenz"] = neu.referenz
                return redirect("oeffentlichkeit:antrag_danke", slug=q.slug)
    return render(
        request,
        "oeffentlichkeit/antrag.html",
        {"quartier": q, "fonds": fonds, "form": form},
    )


@login_not_required
@require_safe
def antrag_danke(request, slug):
    q = selectors.oeffentliches_quartier(slug)
    return render(
        request,
        "oeffentlichkeit/antrag_danke.html",
        {"quartier": q, "referenz": request.session.get("antrag_referenz", "")},
    )


@login_not_required
def barrierefreiheit(request):
    """The accessibility statement with its feedback form (stored and mailed to the QM)."""
    form = RueckmeldungForm(request.POST or None, quartiere=selectors.oeffentliche_quartiere())
    if request.method == "POST" and _im_limit(request, form, "rueckmeldung"):
        if form.ist_spam():
            return redirect(reverse("oeffentlichkeit:barrierefreiheit") + "?gesendet=1")
        if form.is_valid():
            daten = {k: v for k, v in form.cleaned_data.items() if k != "webseite"}
            try:
                services.rueckmeldung_speichern(**daten)
            except ValidationError as e:
                add_form_errors(form, e)
            else:
                return redirect(reverse("oeffentlichkeit:barrierefreiheit") + "?gesendet=1")
    art = Seite.Art.BARRIEREFREIHEIT
    return render(
        request,
        "oeffentlichkeit/barrierefreiheit.html",
        {
            "art": art,
            "titel": art.label,
            "seite": selectors.seite(art),
            "form": form,
            "gesendet": request.GET.get("gesendet") == "1",
        },
    )


@login_not_required
@require_safe
def beitrag_bild(request, slug, pk):
    """The (re-encoded JPEG) image of a published news item."""
    q = selectors.oeffentliches_quartier(slug)
    b = selectors.oeffentlicher_beitrag(q, pk)
    if not b.bild:
        raise Http404
    antwort = FileResponse(b.bild.open("rb"), content_type="image/jpeg")
    antwort["X-Content-Type-Options"] = "nosniff"
    antwort["Cache-Control"] = "public, max-age=86400"
    return antwort
