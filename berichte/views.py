"""Pages of the berichte app: the city-wide overview, programme pages, the reports and the
pages where QM writes the free texts of a report before generating it."""

from operator import attrgetter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from quartiere.models import Programm
from quartiere.selectors import programme_fuer, quartier_mit_details
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.history import history_for
from quartiersmanagement.permissions import permission
from quartiersmanagement.versioning import EditConflict

from . import jahresbericht, kennzahlen, selectors, services
from .exports import uebersicht_export
from .forms import BerichtstextForm, ZeitraumForm
from .models import ERSTES_JAHR, LETZTES_JAHR, Berichtstext
from .uebersicht import uebersicht as uebersicht_daten

SORTIERBAR = (
    "name",
    "bedarfe_eroeffnet",
    "bedarfe_geschlossen",
    "bedarfe_offen",
    "projekte_laufend",
    "teilnehmende",
    "fonds_budget",
    "fonds_bewilligt",
    "fonds_ausgezahlt",
)


def _jahr(request) -> int:
    """The selected year from ?jahr=, the current year for a missing or bad value."""
    heute = timezone.localdate().year
    try:
        jahr = int(request.GET.get("jahr", heute))
    except (TypeError, ValueError):
        return heute
    return jahr if 2000 <= jahr <= heute + 1 else heute


def _berichtsjahr(jahr: int) -> int:
    """A report year from the URL; 404 outside the plausible range (never a 500)."""
    if not ERSTES_JAHR <= jahr <= LETZTES_JAHR:
        raise Http404
    return jahr


@require_safe
@permission("berichte.stadtweit_sehen")
def uebersicht(request):
    """All quartiers side by side and the departments' response figures; Leitung only."""
    jahr = _jahr(request)
    sortierung = request.GET.get("o", "name")
    if sortierung.removeprefix("-") not in SORTIERBAR:
        sortierung = "name"
    programme = list(Programm.objects.order_by("name"))
    programm = next((p for p in programme if str(p.pk) == request.GET.get("programm")), None)
    kontext = _uebersicht_kontext(request.user, jahr, programm, programme, sortierung)
    if request.GET.get("format") in ("csv", "xlsx"):
        return uebersicht_export(request.GET["format"], kontext)
    return render(request, "berichte/uebersicht.html", kontext)


def _uebersicht_kontext(user, jahr, programm, programme, sortierung) -> dict:
    daten = uebersicht_daten(user, jahr, programm)
    # Comes sorted by name (the database's German collation); a figure sorts stably on top.
    quartiere = daten["quartiere"]
    feld = sortierung.removeprefix("-")
    absteigend = sortierung.startswith("-")
    if feld != "name":
        quartiere.sort(key=attrgetter(feld), reverse=absteigend)
    elif absteigend:
        quartiere.reverse()
    heute = timezone.localdate().year
    # The sort links carry only the page's own (normalised) parameters.
    parameter = QueryDict(mutable=True)
    parameter.update(
        {"jahr": jahr, "o": sortierung, **({"programm": programm.pk} if programm else {})}
    )
    return {
        **daten,
        "parameter": parameter,
        "jahr": jahr,
        "jahre": range(heute, heute - 6, -1),
        "summen": selectors.summen(quartiere),
        "ergebnisse": selectors.Weiterleitung.Ergebnis.choices,
        "sortierung": sortierung,
        "programme": programme,
        "programm": programm,
    }


def _laufzeit_jahre(programm, heute) -> list[int]:
    ende = programm.laufzeit_bis or max(heute, programm.laufzeit_von)
    return list(range(programm.laufzeit_von.year, ende.year + 1))


@require_safe
def programme(request):
    """The programmes that run or ran in the user's quartiers, newest first: the way to the
    programme pages from the navigation."""
    liste = (
        programme_fuer(request.user).select_related("fachbereich").order_by("-laufzeit_von", "name")
    )
    return render(
        request, "berichte/programm_list.html", {"programme": liste, "heute": timezone.localdate()}
    )


@require_safe
def programm(request, pk):
    """A programme: its quartiers (only the readable ones), shares, Laufzeit, reports due,
    and each quartier's figures within the programme's period there."""
    programm, einsaetze = selectors.programm_fuer(request.user, pk)
    heute = timezone.localdate()
    laufzeit_ende = programm.laufzeit_bis or heute
    fenster = kennzahlen.programmfenster(einsaetze, programm.laufzeit_von, laufzeit_ende)
    je_quartier = kennzahlen.je_quartier(fenster)
    namen = {e.quartier_id: e.quartier for e in einsaetze}
    return render(
        request,
        "berichte/programm_detail.html",
        {
            "programm": programm,
            "einsaetze": einsaetze,
            "stellenanteil_summe": sum(
                e.stellenanteil
                for e in einsaetze
                if e.von <= heute and (e.bis is None or e.bis >= heute)
            ),
            "endet_bald": programm.laufzeit_bis is not None
            and heute <= programm.laufzeit_bis
            and (programm.laufzeit_bis - heute).days <= selectors.LAUFZEIT_WARNUNG_TAGE,
            "beendet": programm.laufzeit_bis is not None and programm.laufzeit_bis < heute,
            "heute": heute,
            "kennzahlen_spalten": [t for _f, t in jahresbericht.KENNZAHLEN_JE_QUARTIER],
            "kennzahlen": [
                (
                    namen[q],
                    [
                        jahresbericht.kennzahl_wert(je_quartier, q, f)
                        for f, _t in jahresbericht.KENNZAHLEN_JE_QUARTIER
                    ],
                )
                for q in sorted(namen, key=lambda q: namen[q].name)
            ],
            "kennzahlen_bis": laufzeit_ende,
            "berichtsjahre": _laufzeit_jahre(programm, heute),
        },
    )


def _texte_bearbeiten(request, texte: Berichtstext, *, kontext: dict, schluessel: dict):
    """GET shows the texts (the template offers the form to whoever may write them); POST
    saves them (the `permission` decorator has checked the right to write)."""
    gespeichert = texte if texte.pk else None
    form = BerichtstextForm(request.POST or None, instance=gespeichert)
    if request.method == "POST" and form.is_valid():
        felder = {f: form.cleaned_data[f] for f in BerichtstextForm.Meta.fields}
        try:
            services.berichtstext_speichern(
                **schluessel,
                version=form.cleaned_data.get("version"),
                erwartet_neu=gespeichert is None,
                **felder,
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        except EditConflict as konflikt:
            form.konflikt_zeigen(konflikt)
        else:
            messages.success(request, _("Die Texte des Berichts sind gespeichert."))
            return redirect(request.get_full_path())
    return render(
        request,
        "berichte/berichtstext_form.html",
        {
            **kontext,
            "form": form,
            "objekt": texte,
            "texte": gespeichert,
            "verlauf": history_for(gespeichert) if gespeichert else [],
        },
    )


def _jahresbericht_texte(request, slug, jahr) -> Berichtstext:
    """The texts of a readable quartier's Jahresbericht (unsaved ones if none exist yet)."""
    jahr = _berichtsjahr(jahr)
    quartier = quartier_mit_details(request.user, slug)
    texte = jahresbericht.jahresbericht_texte(quartier, jahr)
    return texte or Berichtstext(quartier=quartier, jahr=jahr)


@require_http_methods(["GET", "HEAD", "POST"])
@permission("berichte.change_berichtstext", obj=_jahresbericht_texte, methods=("POST",))
def jahresbericht_vorbereiten(request, texte):
    """The free texts of a quartier's Jahresbericht and the links to generate it."""
    quartier, jahr = texte.quartier, texte.jahr
    return _texte_bearbeiten(
        request,
        texte,
        schluessel={"quartier": quartier, "jahr": jahr},
        kontext={
            "titel": _("Jahresbericht %(jahr)s vorbereiten – %(quartier)s")
            % {"jahr": jahr, "quartier": quartier.name},
            "quartier": quartier,
            "jahr": jahr,
            "zurueck": quartier.get_absolute_url(),
        },
    )


def _sachbericht_zeitraum(request, programm):
    """(von, bis) from the URL, or the form with German errors."""
    form = ZeitraumForm(request.GET, programm=programm, heute=timezone.localdate())
    if form.is_valid():
        return form.cleaned_data["zeitraum"], form
    return None, form


def _zeitraum_fehler(request, programm, form):
    return render(
        request,
        "berichte/berichtstext_form.html",
        {
            "titel": _("Sachbericht vorbereiten – %(programm)s") % {"programm": programm.name},
            "programm": programm,
            "zeitraum_form": form,
            "zurueck": reverse("berichte:programm", kwargs={"pk": programm.pk}),
        },
        status=400,
    )


def _sachbericht_texte(request, pk) -> Berichtstext:
    """The texts of a readable programme's Sachbericht for the period in the URL; without a
    valid period an unsaved record without one (which nobody may write: POST gives 403)."""
    programm, _einsaetze = selectors.programm_fuer(request.user, pk)
    zeitraum, _form = _sachbericht_zeitraum(request, programm)
    if zeitraum is None:
        return Berichtstext(programm=programm)
    texte = jahresbericht.sachbericht_texte(programm, *zeitraum)
    return texte or Berichtstext(programm=programm, von=zeitraum[0], bis=zeitraum[1])


@require_http_methods(["GET", "HEAD", "POST"])
@permission("berichte.change_berichtstext", obj=_sachbericht_texte, methods=("POST",))
def sachbericht_vorbereiten(request, texte):
    """The free texts of a programme's Sachbericht for a period and the links to generate it."""
    programm = texte.programm
    zeitraum, zeitraum_form = _sachbericht_zeitraum(request, programm)
    if zeitraum is None:
        return _zeitraum_fehler(request, programm, zeitraum_form)
    von, bis = zeitraum
    return _texte_bearbeiten(
        request,
        texte,
        schluessel={"programm": programm, "von": von, "bis": bis},
        kontext={
            "titel": _("Sachbericht vorbereiten – %(programm)s") % {"programm": programm.name},
            "programm": programm,
            "von": von,
            "bis": bis,
            "zeitraum_form": zeitraum_form,
            "zurueck": reverse("berichte:programm", kwargs={"pk": programm.pk}),
        },
    )


@require_safe
def jahresbericht_pdf(request, slug, jahr):
    """The annual report of a readable quartier as PDF (404 for another quartier)."""
    quartier = quartier_mit_details(request.user, slug)
    return jahresbericht.jahresbericht_pdf(
        request.user, quartier, _berichtsjahr(jahr), request=request
    )


@require_safe
def jahresbericht_xlsx(request, slug, jahr):
    """The annual report of a readable quartier as XLSX, one sheet per section."""
    quartier = quartier_mit_details(request.user, slug)
    return jahresbericht.jahresbericht_xlsx(request.user, quartier, _berichtsjahr(jahr))


def _sachbericht(request, pk, ausgabe):
    programm, einsaetze = selectors.programm_fuer(request.user, pk)
    zeitraum, form = _sachbericht_zeitraum(request, programm)
    if zeitraum is None:
        return _zeitraum_fehler(request, programm, form)
    return ausgabe(jahresbericht.sachbericht(programm, einsaetze, *zeitraum))


@require_safe
def sachbericht_pdf(request, pk):
    """The Sachbericht of a programme over its quartiers the user reads, as PDF."""
    return _sachbericht(
        request, pk, lambda bericht: jahresbericht.bericht_pdf(bericht, request=request)
    )


@require_safe
def sachbericht_xlsx(request, pk):
    """The Sachbericht of a programme as XLSX, one sheet per section."""
    return _sachbericht(request, pk, jahresbericht.bericht_xlsx)
