"""Forms of the fund: entering an application and the workflow actions on its page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from akteure.gremien.forms import AbstimmungForm
from akteure.models import Akteur
from akteure.selectors import waehlbare_akteure
from quartiersmanagement.form_widgets import DateWidget, MultipleFilesField
from quartiersmanagement.letters import Anrede

from ..forms import geldfeld
from ..services import AKTEUR_NICHT_WAEHLBAR
from .buchen import STORNIERBAR
from .gremium import befangen, sitzungen_zur_wahl
from .journal import Buchung
from .models import Stadtteilfonds


class AntragForm(forms.Form):
    fonds = forms.ModelChoiceField(
        label=_("Stadtteilfonds"), queryset=Stadtteilfonds.objects.none()
    )
    titel = forms.CharField(label=_("Titel des Vorhabens"), max_length=200)
    zweck = forms.CharField(
        label=_("Zweck"), widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Wofür?")
    )
    kostenplan = forms.CharField(
        label=_("Kostenplan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Eine Zeile je Posten, z. B. „Material: 120 €“."),
    )
    betrag_beantragt = geldfeld(_("beantragter Betrag (€)"))
    eingegangen_am = forms.DateField(
        label=_("eingegangen am"), widget=DateWidget, initial=timezone.localdate
    )
    akteur = forms.ModelChoiceField(
        label=_("antragstellender Akteur"),
        queryset=Akteur.objects.none(),
        required=False,
        help_text=_("Leer lassen, wenn eine Privatperson beantragt."),
        error_messages={"invalid_choice": AKTEUR_NICHT_WAEHLBAR},
    )
    antragsteller_organisation = forms.CharField(
        label=_("Organisation oder Gruppe (Privatperson)"), required=False, max_length=200
    )
    antragsteller_anrede = forms.ChoiceField(
        label=_("Anrede der Kontaktperson"), choices=Anrede.choices, required=False
    )
    antragsteller_name = forms.CharField(
        label=_("Name der Kontaktperson"),
        required=False,
        help_text=_("Bei einem Akteur dessen Ansprechperson; sie wird im Brief angeredet."),
    )
    antragsteller_email = forms.EmailField(label=_("E-Mail"), required=False)
    antragsteller_telefon = forms.CharField(label=_("Telefon"), required=False)
    antragsteller_anschrift = forms.CharField(
        label=_("Anschrift"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    einwilligung = forms.BooleanField(
        label=_("Die Privatperson hat in die Verarbeitung ihrer Daten eingewilligt."),
        required=False,
    )

    def __init__(self, *args, fonds_auswahl, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fonds"].queryset = fonds_auswahl
        self.fields["akteur"].queryset = waehlbare_akteure(user)


class PruefenForm(forms.Form):
    vermerk = forms.CharField(
        label=_("Prüfvermerk"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BewilligenForm(forms.Form):
    """The QM's grant, up to the fund's threshold."""

    betrag_bewilligt = geldfeld(
        _("bewilligter Betrag (€)"), help_text=_("Eine Teilbewilligung ist möglich.")
    )
    begruendung = forms.CharField(
        label=_("Begründung oder Auflagen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    nachweis_faellig_am = forms.DateField(
        label=_("Verwendungsnachweis fällig am"),
        widget=DateWidget,
        required=False,
        help_text=_("Leer: drei Monate nach der Entscheidung."),
    )

    entschieden_am = forms.DateField(
        label=_("entschieden am"), widget=DateWidget, initial=timezone.localdate
    )

    field_order = ["betrag_bewilligt", "entschieden_am", "begruendung", "nachweis_faellig_am"]

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["betrag_bewilligt"].initial = antrag.betrag_beantragt


class AblehnenForm(forms.Form):
    """The QM's refusal, up to the fund's threshold."""

    begruendung = forms.CharField(label=_("Begründung"), widget=forms.Textarea(attrs={"rows": 3}))
    entschieden_am = forms.DateField(
        label=_("entschieden am"), widget=DateWidget, initial=timezone.localdate
    )


class SitzungWahlForm(forms.Form):
    """Above the threshold: the meeting of the deciding Gremium that votes."""

    sitzung = forms.ModelChoiceField(label=_("Sitzung des Gremiums"), queryset=None)

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sitzung"].queryset = sitzungen_zur_wahl(antrag)


class GremiumEntscheidungForm(AbstimmungForm):
    """The Gremium's vote on the grant: the committee's vote table (the applicant's memberships
    pre-marked as biased) and the grant's terms. The motion's text comes from the service."""

    betrag_bewilligt = geldfeld(
        _("zu bewilligender Betrag (€)"), help_text=_("Eine Teilbewilligung ist möglich.")
    )
    begruendung = forms.CharField(
        label=_("Begründung oder Auflagen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bei einer Ablehnung Pflicht; sie steht im Bescheid."),
    )
    nachweis_faellig_am = forms.DateField(
        label=_("Verwendungsnachweis fällig am"),
        widget=DateWidget,
        required=False,
        help_text=_("Leer: drei Monate nach der Sitzung."),
    )

    def __init__(self, *args, antrag, sitzung, **kwargs):
        super().__init__(*args, sitzung=sitzung, befangen=befangen(antrag, sitzung), **kwargs)
        del self.fields["text"]
        self.fields["betrag_bewilligt"].initial = antrag.betrag_beantragt

    def service_daten(self) -> dict:
        daten = self.cleaned_data
        return {
            **self.abstimmung_daten(),
            "betrag": daten["betrag_bewilligt"],
            "begruendung": daten["begruendung"],
            "nachweis_faellig_am": daten["nachweis_faellig_am"],
        }


class AuszahlungForm(forms.Form):
    betrag = geldfeld(_("Betrag (€)"))
    datum = forms.DateField(label=_("ausgezahlt am"), widget=DateWidget, initial=timezone.localdate)
    vermerk = forms.CharField(
        label=_("Kassenzeichen"), required=False, help_text=_("z. B. Kassenzeichen")
    )

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["betrag"].initial = antrag.offen_auszuzahlen


class NachweisForm(forms.Form):
    tatsaechliche_kosten = geldfeld(_("tatsächliche Kosten (€)"))
    bericht = forms.CharField(
        label=_("Sachbericht"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    eingereicht_am = forms.DateField(
        label=_("eingereicht am"), widget=DateWidget, initial=timezone.localdate
    )
    belege = MultipleFilesField(
        label=_("Belege"),
        required=False,
        help_text=_("PDF, Bilder oder Office-Dateien, je höchstens 10 MB."),
    )


class NachweisPruefenForm(forms.Form):
    """The settlement (Schlussabrechnung) made when the proof of use is checked."""

    anerkannte_kosten = geldfeld(
        _("förderfähige Kosten (€)"),
        help_text=_("Die anerkannten Kosten; höchstens die tatsächlichen Kosten."),
    )
    rueckforderung_faellig_am = forms.DateField(
        label=_("Rückforderung fällig am"),
        widget=DateWidget,
        required=False,
        help_text=_("Nur nötig, wenn mehr ausgezahlt wurde, als endgültig gefördert wird."),
    )
    vermerk = forms.CharField(
        label=_("Prüfvermerk"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        nachweis = getattr(antrag, "verwendungsnachweis", None)
        if nachweis is not None:
            self.fields["anerkannte_kosten"].initial = nachweis.tatsaechliche_kosten


class BewilligungAendernForm(forms.Form):
    betrag = geldfeld(_("neuer bewilligter Betrag (€)"))
    begruendung = forms.CharField(label=_("Begründung"), max_length=500)
    datum = forms.DateField(label=_("Datum"), widget=DateWidget, initial=timezone.localdate)

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["betrag"].initial = antrag.betrag_bewilligt


class RueckzahlungForm(forms.Form):
    betrag = geldfeld(_("Betrag (€)"))
    datum = forms.DateField(
        label=_("eingegangen am"), widget=DateWidget, initial=timezone.localdate
    )
    vermerk = forms.CharField(
        label=_("Kassenzeichen"), required=False, help_text=_("z. B. Kassenzeichen")
    )

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["betrag"].initial = antrag.offen_zurueckzuzahlen


class StornoForm(forms.Form):
    buchung = forms.ModelChoiceField(label=_("Buchung"), queryset=Buchung.objects.none())
    grund = forms.CharField(label=_("Grund des Stornos"), max_length=500)
    datum = forms.DateField(label=_("Datum"), widget=DateWidget, initial=timezone.localdate)

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buchung"].queryset = Buchung.objects.filter(
            antrag=antrag,
            art__in=STORNIERBAR,
            storno_von__isnull=True,
            storno__isnull=True,
        )
