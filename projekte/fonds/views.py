"""The neighbourhood fund: funds of my quartiers, one fund's figures and ledger, applications
with their workflow actions, the decision letter and receipts."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import add_form_errors
from quartiersmanagement.history import history_for
from quartiersmanagement.lists import FilteredListView
from quartiersmanagement.permissions import permission
from quartiersmanagement.submission import submit_once

from ..views.helpers import ausfuehren
from . import abrechnen, buchen, exports, selectors, services
from .ablauf import erlaubte_aktionen
from .filters import FondsFilter, NachweisFilter
from .forms import (
    AblehnenForm,
    AntragForm,
    AuszahlungForm,
    BewilligenForm,
    BewilligungAendernForm,
    NachweisForm,
    NachweisPruefenForm,
    PruefenForm,
    RueckzahlungForm,
    SitzungWahlForm,
    StornoForm,
)
from .gremium import braucht_gremium
from .models import Fondsantrag, Stadtteilfonds

S = Fondsantrag.Status


class FondsListe(FilteredListView):
    """The funds of the user's quartiers, 50 a page (the Leitung's city has a thousand), with
    the sums computed for the page's rows only."""

    filterset_class = FondsFilter
    template_name = "projekte/fonds_list.html"
    context_object_name = "fonds_liste"

    def get_queryset(self):
        return selectors.fonds_fuer(self.request.user)

    def page_queryset(self, queryset):
        return selectors.fuer_fondsliste(queryset)

    def get_context_data(self, **kwargs):
        kontext = super().get_context_data(**kwargs)
        kontext["ueberfaellig"] = selectors.ueberfaellige_nachweise(user=self.request.user).count()
        kontext["darf_anlegen"] = bearbeitbare_quartiere_fuer(self.request.user).exists()
        return kontext


fonds_liste = FondsListe.as_view()


@require_safe
def fonds_detail(request, pk):
    """A fund's page: its figures, the applications by state and the audit trail."""
    fonds = selectors.fonds_seite_fuer(request.user, pk)
    return render(
        request,
        "projekte/fonds_detail.html",
        {
            "fonds": fonds,
            "gruppen": selectors.antraege_nach_status(fonds),
            "verlauf": history_for(fonds),
            "darf_bearbeiten": request.user.has_perm("projekte.change_stadtteilfonds", fonds),
        },
    )


@require_safe
def fonds_jahresbuch(request, pk):
    return exports.jahresbuch_antwort(selectors.fonds_detail(request.user, pk))


class NachweisListe(FilteredListView):
    """Granted applications whose proof of use is overdue, in the user's quartiers."""

    filterset_class = NachweisFilter
    template_name = "projekte/nachweise_ueberfaellig.html"

    def get_queryset(self):
        return selectors.ueberfaellige_nachweise(user=self.request.user)


nachweise_ueberfaellig = NachweisListe.as_view()


@permission("projekte.add_fondsantrag")
@submit_once
def antrag_neu(request):
    fonds_auswahl = Stadtteilfonds.objects.filter(
        quartier__in=bearbeitbare_quartiere_fuer(request.user)
    ).select_related("quartier")
    initial = {}
    if request.GET.get("fonds", "").isdigit():
        initial["fonds"] = get_object_or_404(fonds_auswahl, pk=request.GET["fonds"]).pk
    form = AntragForm(
        request.POST or None, initial=initial, fonds_auswahl=fonds_auswahl, user=request.user
    )
    antrag = ausfuehren(
        request,
        form,
        partial(services.antrag_anlegen, von=request.user),
        _("Der Antrag wurde erfasst."),
    )
    if antrag:
        return redirect(antrag)
    return render(request, "projekte/antrag_form.html", {"form": form})


#: action (as in `ablauf.AKTIONEN`, plus the reversal of a booking) -> its form and the form's
#: prefix on the page; read by the page and by the action views.
FORMULARE = {
    "pruefen": (PruefenForm, None),
    "bewilligen": (BewilligenForm, "bew"),
    "ablehnen": (AblehnenForm, "abl"),
    "auszahlung": (AuszahlungForm, "aus"),
    "nachweis": (NachweisForm, "nw"),
    "nachweis_pruefen": (NachweisPruefenForm, "np"),
    "bewilligung_aendern": (BewilligungAendernForm, "bae"),
    "rueckzahlung": (RueckzahlungForm, "rz"),
    "storno": (StornoForm, "st"),
}
MIT_ANTRAG = (
    BewilligenForm,
    AuszahlungForm,
    NachweisPruefenForm,
    BewilligungAendernForm,
    RueckzahlungForm,
    StornoForm,
)


def _antrag_seite(request, antrag, status=200, **gebunden):
    """The application page with the action forms its state allows (bound ones show errors)."""
    darf = request.user.has_perm("projekte.change_fondsantrag", antrag)
    formulare = {}
    if darf:
        aktionen = erlaubte_aktionen(antrag)
        if braucht_gremium(antrag) and "bewilligen" in aktionen:
            aktionen -= {"bewilligen", "ablehnen"}
            formulare["gremium"] = SitzungWahlForm(antrag=antrag)
        for aktion, (form_klasse, prefix) in FORMULARE.items():
            if aktion in aktionen:
                kwargs = {"antrag": antrag} if form_klasse in MIT_ANTRAG else {}
                formulare[aktion] = form_klasse(prefix=prefix, **kwargs)
        storno = StornoForm(prefix=FORMULARE["storno"][1], antrag=antrag)
        if storno.fields["buchung"].queryset.exists():
            formulare["storno"] = storno
        formulare.update(gebunden)
    nachweis = (
        getattr(antrag, "verwendungsnachweis", None)
        if antrag.status in (S.NACHWEIS_EINGEREICHT, S.ABGERECHNET, S.ABGESCHLOSSEN)
        else None
    )
    return render(
        request,
        "projekte/antrag_detail.html",
        {
            "antrag": antrag,
            "darf_bearbeiten": darf,
            "formulare": formulare,
            "mit_gremium": braucht_gremium(antrag),
            "nachweis": nachweis,
            "belege": list(nachweis.belege.all()) if nachweis else [],
            "stimmen": list(
                antrag.beschluss.stimmen.select_related(
                    "mitgliedschaft__akteur", "mitgliedschaft__person"
                )
            )
            if antrag.beschluss_id
            else [],
            "verlauf": history_for(antrag),
        },
        status=status,
    )


@require_safe
def antrag_detail(request, pk):
    return _antrag_seite(request, selectors.antrag_detail(request.user, pk))


#: The application of a workflow action: 404 outside the user's quartiers, 403 for read-only.
antrag_bearbeitbar = permission(
    "projekte.change_fondsantrag",
    obj=lambda request, pk: selectors.antrag_detail(request.user, pk),
)


def _aktion(request, antrag, aktion, *, ausfuehren, meldung):
    """Run one workflow action (a key of `FORMULARE`): form, service; on error the page with
    the errors."""
    form_klasse, prefix = FORMULARE[aktion]
    kwargs = {"antrag": antrag} if form_klasse in MIT_ANTRAG else {}
    form = form_klasse(request.POST, request.FILES, prefix=prefix, **kwargs)
    if form.is_valid():
        try:
            ausfuehren(antrag, form)
        except ValidationError as e:
            add_form_errors(form, e)
        else:
            messages.success(request, meldung)
            return redirect(antrag)
    antrag = selectors.antrag_detail(request.user, antrag.pk)
    return _antrag_seite(request, antrag, status=400, **{aktion: form})


@require_POST
@antrag_bearbeitbar
def antrag_pruefen(request, antrag):
    return _aktion(
        request,
        antrag,
        "pruefen",
        ausfuehren=lambda a, f: services.antrag_pruefen(
            antrag=a, von=request.user, vermerk=f.cleaned_data["vermerk"]
        ),
        meldung=_("Der Antrag ist geprüft und kann entschieden werden."),
    )


@require_POST
@antrag_bearbeitbar
def antrag_bewilligen(request, antrag):
    def ausfuehren(a, f):
        d = f.cleaned_data
        services.antrag_bewilligen(
            antrag=a,
            von=request.user,
            betrag=d["betrag_bewilligt"],
            datum=d["entschieden_am"],
            begruendung=d["begruendung"],
            nachweis_faellig_am=d["nachweis_faellig_am"],
        )

    return _aktion(
        request,
        antrag,
        "bewilligen",
        ausfuehren=ausfuehren,
        meldung=_("Der Antrag wurde bewilligt."),
    )


@require_POST
@antrag_bearbeitbar
def antrag_ablehnen(request, antrag):
    def ausfuehren(a, f):
        d = f.cleaned_data
        services.antrag_ablehnen(
            antrag=a,
            von=request.user,
            begruendung=d["begruendung"],
            datum=d["entschieden_am"],
        )

    return _aktion(
        request,
        antrag,
        "ablehnen",
        ausfuehren=ausfuehren,
        meldung=_("Der Antrag wurde abgelehnt."),
    )


@require_POST
@antrag_bearbeitbar
@submit_once
def auszahlung_buchen(request, antrag):
    return _aktion(
        request,
        antrag,
        "auszahlung",
        ausfuehren=lambda a, f: buchen.auszahlung_buchen(
            antrag=a, von=request.user, **f.cleaned_data
        ),
        meldung=_("Die Auszahlung wurde gebucht."),
    )


@require_POST
@antrag_bearbeitbar
def nachweis_einreichen(request, antrag):
    def ausfuehren(a, f):
        d = dict(f.cleaned_data)
        abrechnen.nachweis_einreichen(
            antrag=a,
            von=request.user,
            tatsaechliche_kosten=d["tatsaechliche_kosten"],
            bericht=d["bericht"],
            eingereicht_am=d["eingereicht_am"],
            dateien=d["belege"],
        )

    return _aktion(
        request,
        antrag,
        "nachweis",
        ausfuehren=ausfuehren,
        meldung=_("Der Verwendungsnachweis wurde erfasst."),
    )


@require_POST
@antrag_bearbeitbar
def nachweis_pruefen(request, antrag):
    return _aktion(
        request,
        antrag,
        "nachweis_pruefen",
        ausfuehren=lambda a, f: abrechnen.nachweis_pruefen(
            antrag=a, von=request.user, **f.cleaned_data
        ),
        meldung=_("Der Verwendungsnachweis ist geprüft und der Antrag abgerechnet."),
    )


@require_POST
@antrag_bearbeitbar
def bewilligung_aendern(request, antrag):
    return _aktion(
        request,
        antrag,
        "bewilligung_aendern",
        ausfuehren=lambda a, f: buchen.bewilligung_aendern(
            antrag=a, von=request.user, **f.cleaned_data
        ),
        meldung=_("Die Bewilligung wurde geändert."),
    )


@require_POST
@antrag_bearbeitbar
def rueckzahlung_buchen(request, antrag):
    return _aktion(
        request,
        antrag,
        "rueckzahlung",
        ausfuehren=lambda a, f: buchen.rueckzahlung_buchen(
            antrag=a, von=request.user, **f.cleaned_data
        ),
        meldung=_("Die Rückzahlung wurde gebucht."),
    )


@require_POST
@antrag_bearbeitbar
def buchung_stornieren(request, antrag):
    return _aktion(
        request,
        antrag,
        "storno",
        ausfuehren=lambda a, f: buchen.buchung_stornieren(von=request.user, **f.cleaned_data),
        meldung=_("Die Buchung wurde storniert."),
    )
