"""Actors, persons and the import; the network map is in `netzwerk`."""

from collections import Counter

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement import dsgvo
from quartiersmanagement.exports import workbook_response
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.pdf import pdf_response
from quartiersmanagement.permissions import permission

from .. import exports, importieren, selectors, services
from ..filters import AkteurFilter, PersonFilter
from ..forms import (
    AkteurForm,
    BeziehungForm,
    EinwilligungForm,
    FunktionWechselnForm,
    ImportForm,
    PersonForm,
    PersonNeuForm,
    WiderrufForm,
)
from .helpers import formularseite

__all__ = [
    "akteur_liste",
    "akteur_neu",
    "akteur_detail",
    "akteur_bearbeiten",
    "beziehung_neu",
    "beziehung_beenden",
    "person_liste",
    "person_neu",
    "person_detail",
    "person_bearbeiten",
    "person_auskunft",
    "funktion_wechseln",
    "einwilligung_neu",
    "einwilligung_widerrufen",
    "import_hochladen",
    "import_bestaetigen",
    "import_vorlage",
]

IMPORT_SCHLUESSEL = "akteure_import"


class AkteurListe(ExportMixin, FilteredListView):
    """Actors of the user's quartiers, filtered and sorted; `?format=csv|xlsx` exports exactly
    the filtered actors."""

    filterset_class = AkteurFilter
    template_name = "akteure/akteur_list.html"
    create_permission = "akteure.add_akteur"
    export_filename = "akteure"

    def get_queryset(self):
        return selectors.akteure_liste(self.request.user)

    def page_queryset(self, queryset):
        return selectors.fuer_listenseite(queryset)

    def export_columns(self):
        return exports.spalten()


akteur_liste = AkteurListe.as_view()


@permission("akteure.add_akteur")
def akteur_neu(request):
    form = AkteurForm(request.POST or None, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Akteur anlegen"),
        zurueck=reverse("akteure:liste"),
        speichern=lambda f: services.akteur_anlegen(**f.service_daten()),
    )


@require_safe
def akteur_detail(request, pk):
    akteur = selectors.akteur_detail(request.user, pk)
    funktionen = akteur.alle_funktionen
    return render(
        request,
        "akteure/akteur_detail.html",
        {
            "akteur": akteur,
            "aktuelle_funktionen": [f for f in funktionen if f.bis is None],
            "fruehere_funktionen": [f for f in funktionen if f.bis is not None],
            "darf_bearbeiten": request.user.has_perm("akteure.change_akteur", akteur),
            "verlauf": history_for(akteur),
        },
    )


#: An actor of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
akteur_bearbeitbar = permission(
    "akteure.change_akteur",
    obj=lambda request, pk: selectors.akteur_bearbeitbar(request.user, pk),
)
#: A person of an edit page (404 unless active in a readable quartier, 403 for read-only).
person_bearbeitbar = permission(
    "akteure.change_person", obj=lambda request, pk: selectors.person_fuer(request.user, pk)
)


@akteur_bearbeitbar
def akteur_bearbeiten(request, akteur):
    form = AkteurForm(request.POST or None, instance=akteur, user=request.user)
    return formularseite(
        request,
        form,
        titel=_("Akteur bearbeiten"),
        zurueck=akteur.get_absolute_url(),
        speichern=lambda f: services.akteur_aendern(akteur=akteur, **f.service_daten()),
    )


@akteur_bearbeitbar
def beziehung_neu(request, akteur):
    form = BeziehungForm(request.POST or None, user=request.user)

    def speichern(f):
        services.beziehung_anlegen(quelle=akteur, **f.cleaned_data)
        return akteur.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Beziehung von „%(name)s“ eintragen") % {"name": akteur.name},
        zurueck=akteur.get_absolute_url(),
        speichern=speichern,
    )


@permission(
    "akteure.change_beziehung",
    obj=lambda request, pk: selectors.beziehung_fuer(request.user, pk),
)
def beziehung_beenden(request, beziehung):
    form = WiderrufForm(request.POST or None, initial={"am": timezone.localdate()})
    form.fields["am"].label = _("Ende der Beziehung")
    zurueck = beziehung.quelle.get_absolute_url()

    def speichern(f):
        services.beziehung_beenden(beziehung=beziehung, bis=f.cleaned_data["am"])
        return zurueck

    return formularseite(
        request,
        form,
        titel=_("Beziehung „%(beziehung)s“ beenden") % {"beziehung": beziehung},
        zurueck=zurueck,
        speichern=speichern,
    )


# --- Personen ------------------------------------------------------------------------------


class PersonListe(FilteredListView):
    """Persons active in the user's quartiers, by name; `?q=` searches the name."""

    filterset_class = PersonFilter
    template_name = "akteure/person_list.html"
    create_permission = "akteure.add_akteur"

    def get_queryset(self):
        return selectors.personen_fuer(self.request.user).order_by("nachname", "vorname", "pk")


person_liste = PersonListe.as_view()


@permission("akteure.add_akteur")
def person_neu(request):
    initial = {}
    if request.GET.get("akteur"):
        initial["akteur"] = request.GET["akteur"]
    form = PersonNeuForm(request.POST or None, user=request.user, initial=initial)
    return formularseite(
        request,
        form,
        titel=_("Person anlegen"),
        zurueck=reverse("akteure:personen"),
        speichern=lambda f: services.person_anlegen(**f.cleaned_data),
        hinweis=_(
            "Personenbezogene Daten nur mit Einwilligung speichern und ein Löschdatum setzen."
        ),
    )


@require_safe
def person_detail(request, pk):
    person = selectors.person_detail(request.user, pk)
    return render(
        request,
        "akteure/person_detail.html",
        {
            "person": person,
            "darf_bearbeiten": request.user.has_perm("akteure.change_person", person),
            "verlauf": history_for(person),
        },
    )


@require_safe
@person_bearbeitbar
def person_auskunft(request, person, format):
    """Right of access (Art. 15 DSGVO): everything stored about a person, as JSON or PDF.
    Only for staff who may edit the person (they answer the request)."""
    daten = dsgvo.auskunft(person)
    dateiname = f"auskunft-person-{person.pk}-{timezone.localdate():%Y-%m-%d}"
    if format == "pdf":
        return pdf_response(
            "akteure/auskunft_pdf.html",
            {"person": person, "daten": daten, "stichtag": timezone.localdate()},
            filename=dateiname,
            request=request,
        )
    antwort = JsonResponse(daten, json_dumps_params={"ensure_ascii": False, "indent": 2})
    antwort["Content-Disposition"] = f'attachment; filename="{dateiname}.json"'
    return antwort


@person_bearbeitbar
def person_bearbeiten(request, person):
    form = PersonForm(request.POST or None, instance=person)
    return formularseite(
        request,
        form,
        titel=_("Person bearbeiten"),
        zurueck=person.get_absolute_url(),
        speichern=lambda f: services.person_aendern(person=person, **f.cleaned_data),
    )


@permission(
    "akteure.change_funktion",
    obj=lambda request, pk: selectors.funktion_fuer(request.user, pk),
)
def funktion_wechseln(request, funktion):
    form = FunktionWechselnForm(request.POST or None, initial={"rolle": funktion.rolle})

    def speichern(f):
        services.funktion_wechseln(
            funktion=funktion, rolle=f.cleaned_data["rolle"], ab=f.cleaned_data["ab"]
        )
        return funktion.person.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Funktion von %(person)s wechseln") % {"person": funktion.person},
        zurueck=funktion.person.get_absolute_url(),
        speichern=speichern,
        hinweis=_("Die bisherige Funktion endet am Vortag und bleibt in der Historie."),
    )


@person_bearbeitbar
def einwilligung_neu(request, person):
    form = EinwilligungForm(request.POST or None)

    def speichern(f):
        services.einwilligung_erfassen(person=person, **f.cleaned_data)
        return person.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Einwilligung von %(person)s erfassen") % {"person": person},
        zurueck=person.get_absolute_url(),
        speichern=speichern,
    )


# --- Import --------------------------------------------------------------------------------


@permission("akteure.add_akteur")
def import_hochladen(request):
    """Upload and preview: the checked rows wait in the session until confirmed."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    zeilen = None
    if request.method == "POST" and form.is_valid():
        try:
            zeilen = importieren.pruefen(
                form.cleaned_data["datei"],
                bekannte=selectors.akteure_fuer(request.user),
                quartier=form.cleaned_data["quartier"],
                aktualisieren=form.cleaned_data["aktualisieren"],
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            request.session[IMPORT_SCHLUESSEL] = {
                "quartier": form.cleaned_data["quartier"].pk,
                "zeilen": importieren.als_sitzungsdaten(zeilen),
            }
    fehlerhaft = [z for z in zeilen or [] if z.fehler]
    anzahl = Counter(z.status for z in zeilen or [] if not z.fehler)
    return render(
        request,
        "akteure/import.html",
        {
            "form": form,
            "zeilen": zeilen,
            "fehlerhaft": fehlerhaft,
            "quartier": form.cleaned_data.get("quartier") if zeilen is not None else None,
            "spalten": importieren.SPALTEN,
            "neu": anzahl[importieren.Status.NEU],
            "geaendert": anzahl[importieren.Status.GEAENDERT],
            "unveraendert": anzahl[importieren.Status.UNVERAENDERT],
        },
        status=400 if request.method == "POST" and zeilen is None else 200,
    )


@require_POST
@permission("akteure.add_akteur")
def import_bestaetigen(request):
    daten = request.session.get(IMPORT_SCHLUESSEL)
    if not daten:
        messages.error(request, _("Keine geprüfte Datei gefunden; bitte erneut hochladen."))
        return redirect("akteure:import")
    quartier = get_object_or_404(bearbeitbare_quartiere_fuer(request.user), pk=daten["quartier"])
    try:
        ergebnis = importieren.importieren(
            zeilen=daten["zeilen"],
            quartier=quartier,
            bekannte=selectors.akteure_fuer(request.user),
            von=request.user,
        )
    except ValidationError as fehler:
        messages.error(request, " ".join(fehler.messages))
        return redirect("akteure:import")
    del request.session[IMPORT_SCHLUESSEL]
    messages.success(
        request,
        _("Import abgeschlossen: %(neu)s angelegt, %(geaendert)s aktualisiert.")
        % {"neu": ergebnis["angelegt"], "geaendert": ergebnis["aktualisiert"]},
    )
    return redirect(f"{reverse('akteure:liste')}?quartier={quartier.pk}")


@require_safe
def import_vorlage(request, format):
    if format not in ("csv", "xlsx"):
        raise Http404
    if format == "xlsx":
        return workbook_response(importieren.vorlage_xlsx(), filename="akteure-vorlage")
    antwort = HttpResponse(importieren.vorlage_csv(), content_type="text/csv; charset=utf-8")
    antwort["Content-Disposition"] = 'attachment; filename="akteure-vorlage.csv"'
    return antwort


@permission(
    "akteure.change_einwilligung",
    obj=lambda request, pk: selectors.einwilligung_fuer(request.user, pk),
)
def einwilligung_widerrufen(request, einwilligung):
    person = einwilligung.person
    form = WiderrufForm(request.POST or None, initial={"am": timezone.localdate()})

    def speichern(f):
        services.einwilligung_widerrufen(einwilligung=einwilligung, am=f.cleaned_data["am"])
        return person.get_absolute_url()

    return formularseite(
        request,
        form,
        titel=_("Einwilligung „%(zweck)s“ widerrufen") % {"zweck": einwilligung.zweck},
        zurueck=person.get_absolute_url(),
        speichern=speichern,
    )
