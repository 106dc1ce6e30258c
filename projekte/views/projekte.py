"""Project pages: list with filters, search and export; create, edit, status, partners, budget,
result. Reading is limited by the selector (404), writing by `projekte.change_projekt` (403)."""

from functools import partial

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from akteure.models import Aufgabe
from bedarfe.models import Bedarf
from quartiere.selectors import bearbeitbare_quartiere_fuer, quartiere_fuer
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import ExportMixin, FilteredListView
from quartiersmanagement.permissions import permission

from .. import exports, selectors, services
from ..filters import ProjektFilter
from ..forms import (
    BudgetpostenForm,
    ErgebnisForm,
    PartnerForm,
    ProjektForm,
    StatusForm,
)
from ..models import Budgetposten, Projektpartner, Termin
from .helpers import ausfuehren


class ProjektListe(ExportMixin, FilteredListView):
    """Projects of the user's quartiers, filtered and sorted; `?format=csv|xlsx` exports
    exactly the filtered projects."""

    filterset_class = ProjektFilter
    template_name = "projekte/projekt_list.html"
    create_permission = "projekte.add_projekt"
    export_filename = "projekte"

    def get_queryset(self):
        return selectors.projekte_fuer(self.request.user)

    def page_queryset(self, queryset):
        return selectors.fuer_listenseite(queryset)

    def export_columns(self):
        return exports.projekt_spalten()


projekt_liste = ProjektListe.as_view()


def _formular_seite(request, form, *, titel, zurueck, projekt=None, hinweis="", knopf=None):
    return render(
        request,
        "projekte/formular.html",
        {
            "form": form,
            "titel": titel,
            "zurueck": resolve_url(zurueck),
            "projekt": projekt,
            "hinweis": hinweis,
            "knopf": knopf or _("Speichern"),
        },
    )


def _projekt_form(request, *, instance=None, initial=None):
    return ProjektForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        user=request.user,
        lesbare_quartiere=quartiere_fuer(request.user),
        bearbeitbare_quartiere=bearbeitbare_quartiere_fuer(request.user),
    )


@permission("projekte.add_projekt")
def projekt_neu(request):
    """A new project; `?bedarf=<pk>` starts it from a need (its quartier and topic preselected),
    `?aufgabe=<pk>` from an action item of a meeting."""
    initial = {}
    bedarf = None
    if request.GET.get("bedarf", "").isdigit():
        bedarf = get_object_or_404(
            Bedarf.objects.filter(quartier__in=quartiere_fuer(request.user)),
            pk=request.GET["bedarf"],
        )
        initial = {
            "titel": bedarf.titel,
            "quartiere": [bedarf.quartier_id],
            "bedarfe": [bedarf.pk],
            "handlungsfelder": [bedarf.handlungsfeld_id] if bedarf.handlungsfeld_id else [],
            "zielgruppen": list(bedarf.zielgruppen.values_list("pk", flat=True)),
        }
    elif request.GET.get("aufgabe", "").isdigit():
        aufgabe = get_object_or_404(
            Aufgabe.objects.filter(quartier__in=quartiere_fuer(request.user)),
            pk=request.GET["aufgabe"],
        )
        initial = {
            "titel": aufgabe.titel,
            "quartiere": [aufgabe.quartier_id],
            "aufgabe": aufgabe.pk,
        }
    form = _projekt_form(request, initial=initial)
    projekt = ausfuehren(
        request,
        form,
        partial(services.projekt_anlegen, von=request.user),
        _("Das Projekt wurde angelegt."),
    )
    if projekt:
        return redirect(projekt)
    return _formular_seite(
        request,
        form,
        titel=_("Projekt aus einem Bedarf anlegen") if bedarf else _("Projekt anlegen"),
        zurueck=bedarf.get_absolute_url() if bedarf else "projekte:liste",
        hinweis=_("Antwortet auf den Bedarf „%(titel)s“.") % {"titel": bedarf.titel}
        if bedarf
        else "",
    )


@require_safe
def projekt_detail(request, slug):
    projekt = selectors.projekt_detail(request.user, slug)
    darf_bearbeiten = request.user.has_perm("projekte.change_projekt", projekt)
    termine = Termin.objects.filter(projekt=projekt)
    return render(
        request,
        "projekte/projekt_detail.html",
        {
            "projekt": projekt,
            "darf_bearbeiten": darf_bearbeiten,
            "summen": selectors.budget_summen(projekt.budgetposten.all()),
            "aktivierung": selectors.aktivierung(termine),
            "aktivierung_je_jahr": selectors.aktivierung_je_jahr(termine),
            "status_form": StatusForm(projekt=projekt) if darf_bearbeiten else None,
            "verlauf": history_for(projekt),
        },
    )


#: The project of an edit page: 404 outside the user's quartiers, 403 for read-only roles.
projekt_bearbeitbar = permission(
    "projekte.change_projekt",
    obj=lambda request, slug: selectors.projekt_fuer(request.user, slug),
)


@projekt_bearbeitbar
def projekt_bearbeiten(request, projekt):
    form = _projekt_form(request, instance=projekt)
    if ausfuehren(
        request,
        form,
        partial(services.projekt_aendern, projekt=projekt, von=request.user),
        _("Das Projekt wurde gespeichert."),
    ):
        return redirect(projekt)
    return _formular_seite(
        request, form, titel=_("Projekt bearbeiten"), zurueck=projekt, projekt=projekt
    )


@projekt_bearbeitbar
def projekt_status(request, projekt):
    form = StatusForm(request.POST or None, projekt=projekt)
    if ausfuehren(
        request,
        form,
        partial(services.projekt_status_aendern, projekt=projekt, von=request.user),
        _("Der Status wurde geändert."),
    ):
        return redirect(projekt)
    return _formular_seite(
        request,
        form,
        titel=_("Status ändern"),
        zurueck=projekt,
        projekt=projekt,
        hinweis=_("Aktueller Status: %(status)s") % {"status": projekt.get_status_display()},
    )


@projekt_bearbeitbar
def partner(request, projekt):
    form = PartnerForm(request.POST or None, user=request.user)
    if ausfuehren(
        request,
        form,
        partial(services.partner_hinzufuegen, projekt=projekt, von=request.user),
        _("Der Partner wurde hinzugefügt."),
    ):
        return redirect(projekt)
    return _formular_seite(
        request, form, titel=_("Partner hinzufügen"), zurueck=projekt, projekt=projekt
    )


@require_POST
@projekt_bearbeitbar
def partner_entfernen(request, projekt, pk):
    eintrag = get_object_or_404(Projektpartner, projekt=projekt, pk=pk)
    services.partner_entfernen(partner=eintrag, von=request.user)
    messages.success(request, _("Der Partner wurde entfernt."))
    return redirect(projekt)


@projekt_bearbeitbar
def budgetposten(request, projekt, pk=None):
    posten = get_object_or_404(Budgetposten, projekt=projekt, pk=pk) if pk else None
    form = BudgetpostenForm(request.POST or None, instance=posten)
    if ausfuehren(
        request,
        form,
        partial(services.budgetposten_speichern, projekt=projekt, posten=posten, von=request.user),
        _("Der Budgetposten wurde gespeichert."),
    ):
        return redirect(projekt)
    return _formular_seite(
        request,
        form,
        titel=_("Budgetposten bearbeiten") if posten else _("Budgetposten anlegen"),
        zurueck=projekt,
        projekt=projekt,
    )


@require_POST
@projekt_bearbeitbar
def budgetposten_loeschen(request, projekt, pk):
    posten = get_object_or_404(Budgetposten, projekt=projekt, pk=pk)
    services.budgetposten_loeschen(posten=posten, von=request.user)
    messages.success(request, _("Der Budgetposten wurde gelöscht."))
    return redirect(projekt)


@projekt_bearbeitbar
def projekt_ergebnis(request, projekt):
    form = ErgebnisForm(request.POST or None, instance=projekt)
    if ausfuehren(
        request,
        form,
        partial(services.projekt_ergebnis_speichern, projekt=projekt, von=request.user),
        _("Ergebnis und Auswertung wurden gespeichert."),
    ):
        return redirect(projekt)
    return _formular_seite(
        request, form, titel=_("Ergebnis und Auswertung"), zurueck=projekt, projekt=projekt
    )
