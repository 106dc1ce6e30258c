"""Pages of the bedarfe app. Thin: selector (404 outside the user's quartiers), permission
(403 for read-only roles), form, service, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartiere.selectors import bearbeitbare_quartiere_fuer, im_einzigen_quartier, quartiere_fuer
from quartiersmanagement import page_hooks
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.permissions import permission
from quartiersmanagement.submission import submit_once
from quartiersmanagement.uploads import serve_file
from quartiersmanagement.versioning import EditConflict

from . import exports, forms, selectors, services
from .filters import BedarfFilter, ErhebungFilter
from .models import Bedarf, Erhebung
from .weiterleitungen.forms import UmleitenForm
from .weiterleitungen.nachhalten import antworten_gelesen

#: The need of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
bedarf_bearbeitbar = permission(
    "bedarfe.change_bedarf", obj=lambda request, pk: selectors.bedarf_fuer(request.user, pk)
)


# --- Bedarfe ----------------------------------------------------------------------------------


class BedarfListe(ExportMixin, FilteredListView):
    """The needs of the user's quartiers, filtered and sorted; `?format=csv|xlsx` exports
    exactly the filtered needs."""

    filterset_class = BedarfFilter
    template_name = "bedarfe/bedarf_list.html"
    create_permission = "bedarfe.add_bedarf"
    export_filename = "bedarfe"

    def get_queryset(self):
        return selectors.bedarfe_fuer(self.request.user)

    def get_paginator(self, queryset, per_page, **kwargs):
        # A search without a sorted column counted its hits to choose their order already.
        kwargs["counted"] = self.filterset.treffer
        return super().get_paginator(queryset, per_page, **kwargs)

    def page_queryset(self, queryset):
        return selectors.fuer_liste(im_einzigen_quartier(queryset, self.request.user))

    def export_columns(self):
        return exports.bedarf_spalten()

    def export_queryset(self, queryset):
        return selectors.fuer_export(queryset)


bedarf_liste = BedarfListe.as_view()


@permission("bedarfe.add_bedarf")
@submit_once
def bedarf_anlegen(request):
    initial = {}
    erhebung = None
    if erhebung_pk := request.GET.get("erhebung"):
        erhebung = get_object_or_404(
            Erhebung.objects.filter(quartier__in=bearbeitbare_quartiere_fuer(request.user)),
            pk=erhebung_pk if str(erhebung_pk).isdigit() else 0,
        )
        initial = {
            "erhebung": erhebung,
            "quartier": erhebung.quartier,
            "quelle": Bedarf.Quelle.ERHEBUNG,
            "gemeldet_am": erhebung.datum,
        }
    else:
        eigene = list(bearbeitbare_quartiere_fuer(request.user)[:2])
        if len(eigene) == 1:
            initial["quartier"] = eigene[0]
    form = forms.BedarfForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        daten = dict(form.cleaned_data)
        try:
            bedarf = services.bedarf_anlegen(von=request.user, **daten)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Der Bedarf wurde erfasst."))
            if erhebung and "weiterer" in request.POST:
                return redirect(f"{request.path}?erhebung={erhebung.pk}")
            return redirect(bedarf)
    aehnliche = []
    if form.is_bound and form.data.get("titel"):
        quartier = form.cleaned_data.get("quartier") if hasattr(form, "cleaned_data") else None
        aehnliche = selectors.aehnliche_bedarfe(
            request.user, quartier=quartier, titel=form.data.get("titel")
        )
    return render(
        request,
        "bedarfe/bedarf_form.html",
        {"form": form, "erhebung": erhebung, "aehnliche": aehnliche, "nennung_moeglich": True},
    )


@require_safe
def aehnliche_bedarfe(request):
    """Similar needs while typing a title (htmx fragment; a full page without JS)."""
    quartier_id = request.GET.get("quartier")
    quartier = (
        quartiere_fuer(request.user).filter(pk=quartier_id).first()
        if str(quartier_id).isdigit()
        else None
    )
    aehnliche = selectors.aehnliche_bedarfe(
        request.user, quartier=quartier, titel=request.GET.get("titel", "")
    )
    vorlage = "bedarfe/_aehnliche.html" if request.htmx else "bedarfe/aehnliche.html"
    return render(
        request,
        vorlage,
        {
            "aehnliche": aehnliche,
            "titel": request.GET.get("titel", ""),
            # the new-need form's fragment offers "add as a mention" (its fields come along)
            "nennung_moeglich": bool(request.htmx) and request.GET.get("nennung") == "1",
        },
    )


@require_safe
def bedarf_detail(request, pk):
    """A need's page; the edit forms only for those who may edit."""
    bedarf = selectors.bedarf_seite_fuer(request.user, pk)
    daten = selectors.bedarf_seite_daten(bedarf)
    darf_bearbeiten = request.user.has_perm("bedarfe.change_bedarf", bedarf)
    if darf_bearbeiten:
        weiterleitungen = daten["weiterleitungen"]
        if any(w.beantwortet and not w.antwort_gelesen_am for w in weiterleitungen):
            antworten_gelesen(bedarf=bedarf)
        for w in weiterleitungen:
            if bedarf.ist_offen and _umzuleiten(w):
                w.umleiten_form = UmleitenForm(auto_id=f"umleiten-{w.pk}-%s")
        antwort = next((w.antwort for w in reversed(weiterleitungen) if w.antwort), "")
        daten["kommentar_form"] = forms.KommentarForm()
        daten["freigabe_form"] = forms.FreigabeForm(
            initial={
                "oeffentlich": bedarf.oeffentlich,
                "oeffentliche_antwort": bedarf.oeffentliche_antwort or antwort,
            }
        )
    return render(
        request,
        "bedarfe/bedarf_detail.html",
        {
            **daten,
            "bedarf": bedarf,
            "darf_bearbeiten": darf_bearbeiten,
            "sections": page_hooks.sections_for("bedarf", request, bedarf),
        },
    )


def _umzuleiten(w) -> bool:
    """'nicht zuständig' without a suggestion and not yet re-routed: the page offers a choice."""
    return w.ergebnis == w.Ergebnis.NICHT_ZUSTAENDIG and not (
        w.vorgeschlagener_fachbereich_id or w.umgeleitet
    )


@bedarf_bearbeitbar
def bedarf_bearbeiten(request, bedarf):
    form = forms.BedarfBearbeitenForm(request.POST or None, instance=bedarf, user=request.user)
    if request.method == "POST" and form.is_valid():
        daten = {k: v for k, v in form.cleaned_data.items() if k != "quartier"}
        try:
            with transaction.atomic():
                services.bedarf_aendern(bedarf=bedarf, von=request.user, **daten)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        except EditConflict as konflikt:
            form.konflikt_zeigen(konflikt)
        else:
            messages.success(request, _("Die Änderungen wurden gespeichert."))
            return redirect(bedarf)
    return render(request, "bedarfe/bedarf_form.html", {"form": form, "bedarf": bedarf})


@bedarf_bearbeitbar
def bedarf_status(request, bedarf):
    form = forms.StatusForm(request.POST or None, bedarf=bedarf)
    if request.method == "POST" and form.is_valid():
        try:
            services.bedarf_status_aendern(bedarf=bedarf, von=request.user, **form.cleaned_data)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Der Status wurde geändert."))
            return redirect(bedarf)
    return render(
        request,
        "bedarfe/bedarf_aktion.html",
        {"form": form, "bedarf": bedarf, "aktion": _("Status ändern")},
    )


@bedarf_bearbeitbar
def bedarf_zusammenfuehren(request, bedarf):
    """Merge into a need chosen among the similar ones (the most similar preselected) or found
    by search (`?suche=`, or the htmx fragment of `zusammenfuehren_suche`)."""
    suche = request.GET.get("suche", "")
    kandidaten = selectors.zusammenfuehren_kandidaten(bedarf, suche=suche)
    initial = {"ziel": kandidaten[0].pk} if kandidaten and not suche else {}
    form = forms.ZusammenfuehrenForm(
        request.POST or None, bedarf=bedarf, kandidaten=kandidaten, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            ziel = services.bedarf_zusammenfuehren(
                quelle=bedarf, ziel=form.cleaned_data["ziel"], von=request.user
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Die Bedarfe wurden zusammengeführt."))
            return redirect(ziel)
    return render(
        request,
        "bedarfe/bedarf_zusammenfuehren.html",
        {"form": form, "bedarf": bedarf, "suche": suche, "kandidaten": kandidaten},
    )


@require_safe
@bedarf_bearbeitbar
def zusammenfuehren_suche(request, bedarf):
    """Search hits for the merge target (htmx fragment: radio buttons), in the need's quartier."""
    return render(
        request,
        "bedarfe/_zusammenfuehren_treffer.html",
        {
            "kandidaten": selectors.zusammenfuehren_kandidaten(
                bedarf, suche=request.GET.get("suche", "")
            ),
            "suche": request.GET.get("suche", ""),
        },
    )


@bedarf_bearbeitbar
def bedarf_nennung(request, bedarf):
    """One more mention of this need – from the similar-need hint of the new-need form (whose
    fields come along) or this small form – instead of a duplicate record."""
    daten = request.POST if request.method == "POST" else None
    form = forms.NennungForm(daten, bedarf=bedarf, initial={"gemeldet_am": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.bedarf_nennung_hinzufuegen(
                bedarf=bedarf,
                quelle=d["quelle"],
                gemeldet_am=d["gemeldet_am"],
                erhebung=d["erhebung"],
                notiz=d["beschreibung"],
                von=request.user,
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Die Nennung wurde dem Bedarf hinzugefügt."))
            return redirect(bedarf)
    return render(
        request,
        "bedarfe/bedarf_aktion.html",
        {"form": form, "bedarf": bedarf, "aktion": _("Weitere Nennung hinzufügen")},
    )


@require_POST
@bedarf_bearbeitbar
def bedarf_kommentieren(request, bedarf):
    form = forms.KommentarForm(request.POST)
    if form.is_valid():
        services.bedarf_kommentieren(bedarf=bedarf, von=request.user, **form.cleaned_data)
        messages.success(request, _("Der Kommentar wurde gespeichert."))
    else:
        messages.error(request, _("Bitte geben Sie einen Kommentar ein."))
    return redirect(bedarf)


@bedarf_bearbeitbar
def bedarf_freigeben(request, bedarf):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = forms.FreigabeForm(request.POST)
    if form.is_valid():
        try:
            services.antwort_freigeben(bedarf=bedarf, von=request.user, **form.cleaned_data)
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Die Freigabe wurde gespeichert."))
            return redirect(bedarf)
    return render(
        request,
        "bedarfe/bedarf_aktion.html",
        {"form": form, "bedarf": bedarf, "aktion": _("Veröffentlichung")},
    )


# --- Erhebungen -------------------------------------------------------------------------------


class ErhebungListe(FilteredListView):
    """Assessments of the user's quartiers, newest first, with their number of needs."""

    filterset_class = ErhebungFilter
    template_name = "bedarfe/erhebung_list.html"
    create_permission = "bedarfe.add_erhebung"

    def get_queryset(self):
        return selectors.erhebungen_fuer(self.request.user)


erhebung_liste = ErhebungListe.as_view()


@permission("bedarfe.add_erhebung")
def erhebung_anlegen(request):
    return _erhebung_formular(request, Erhebung())


@permission(
    "bedarfe.change_erhebung",
    obj=lambda request, pk: selectors.erhebung_fuer(request.user, pk),
)
def erhebung_bearbeiten(request, erhebung):
    return _erhebung_formular(request, erhebung)


def _erhebung_formular(request, erhebung):
    form = forms.ErhebungForm(
        request.POST or None, request.FILES or None, instance=erhebung, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        dateien = form.cleaned_data.pop("dateien", [])
        try:
            erhebung = services.erhebung_speichern(
                erhebung=form.save(commit=False), dateien=dateien, von=request.user
            )
        except ValidationError as fehler:
            add_form_errors(form, fehler)
        else:
            messages.success(request, _("Die Erhebung wurde gespeichert."))
            return redirect(erhebung)
    return render(request, "bedarfe/erhebung_form.html", {"form": form, "erhebung": erhebung})


@require_safe
def erhebung_detail(request, pk):
    erhebung = selectors.erhebung_fuer(request.user, pk)
    return render(
        request,
        "bedarfe/erhebung_detail.html",
        {
            "erhebung": erhebung,
            "darf_bearbeiten": request.user.has_perm("bedarfe.change_erhebung", erhebung),
            "verlauf": history_for(erhebung),
        },
    )


@require_safe
def erhebungsdatei(request, pk):
    """Download an attachment, only for users who may read its quartier."""
    anhang = selectors.erhebungsdatei_fuer(request.user, pk)
    return serve_file(anhang.datei, filename=anhang.dateiname)
