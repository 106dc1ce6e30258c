"""Forms of the fund: entering an application and the workflow actions on its page."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from akteure.models import Akteur, Mitgliedschaft, Sitzung
from akteure.selectors import waehlbare_akteure
from quartiersmanagement.form_widgets import DateWidget, MultipleFilesField
from quartiersmanagement.letters import Anrede

from ..forms import geldfeld
from ..services import AKTEUR_NICHT_WAEHLBAR
from .buchen import STORNIERBAR
from .gremium import braucht_gremium
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


class _GremiumFelder(forms.Form):
    """Sitzung and votes: shown only when the Gremium decides (above the threshold)."""

    entschieden_am = forms.DateField(
        label=_("entschieden am"), widget=DateWidget, initial=timezone.localdate
    )

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, **kwargs)
        self.mit_gremium = braucht_gremium(antrag)
        gremium_id = antrag.fonds.entscheidendes_gremium_id
        if not self.mit_gremium:
            return
        self.fields["sitzung"] = forms.ModelChoiceField(
            label=_("Sitzung des Gremiums"),
            queryset=Sitzung.objects.filter(gremium_id=gremium_id).exclude(status="abgesagt"),
            required=False,
        )
        mitglieder = (
            Mitgliedschaft.objects.filter(gremium_id=gremium_id)
            .aktuell()
            .select_related("akteur", "person")
        )
        for feld, label, hilfe in (
            ("befangen", _("befangen (stimmen nicht mit)"), ""),
            ("ja", _("Ja-Stimmen"), ""),
            ("nein", _("Nein-Stimmen"), ""),
            ("enthaltung", _("Enthaltungen"), ""),
        ):
            self.fields[feld] = forms.ModelMultipleChoiceField(
                label=label,
                queryset=mitglieder,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=hilfe,
            )
            self.fields[feld].label_from_instance = lambda m: str(m.mitglied)

    def gremium_daten(self) -> dict:
        if not self.mit_gremium:
            return {}
        return {
            k: self.cleaned_data.get(k) or ([] if k != "sitzung" else None)
            for k in ("sitzung", "ja", "nein", "enthaltung", "befangen")
        }


class BewilligenForm(_GremiumFelder):
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

    field_order = ["betrag_bewilligt", "entschieden_am", "begruendung", "nachweis_faellig_am"]

    def __init__(self, *args, antrag, **kwargs):
        super().__init__(*args, antrag=antrag, **kwargs)
        self.fields["betrag_bewilligt"].initial = antrag.betrag_beantragt


class AblehnenForm(_GremiumFelder):
    begruendung = forms.CharField(label=_("Begründung"), widget=forms.Textarea(attrs={"rows": 3}))

    field_order = ["begruendung", "entschieden_am"]


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
