"""Forms of the akteure app; German labels come from the models' verbose names."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.map_widgets import PlaceWidget
from quartiersmanagement.uploads import detect_file_type
from quartiersmanagement.versioning import VersionFormMixin

from . import selectors
from .models import (
    PERSON_OHNE_LOESCHDATUM,
    Akteur,
    Beziehung,
    Einwilligung,
    Person,
)


class AkteurForm(VersionFormMixin, forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Akteur
        fields = [
            "name",
            "art",
            "quartiere",
            "handlungsfelder",
            "zielgruppen",
            "beschreibung",
            "strasse",
            "plz",
            "ort",
            "lage",
            "email",
            "telefon",
            "website",
            "aktiv",
            "oeffentlich",
            "einwilligung_am",
            "einwilligung_quelle",
        ]
        widgets = {
            "quartiere": forms.CheckboxSelectMultiple,
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "zielgruppen": forms.CheckboxSelectMultiple,
            "beschreibung": forms.Textarea(attrs={"rows": 3}),
            "einwilligung_am": DateWidget(),
            "lage": PlaceWidget(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.bearbeitbar = bearbeitbare_quartiere_fuer(user)
        self.fields["quartiere"].queryset = self.bearbeitbar
        self.fields["quartiere"].help_text = _(
            "Quartiere, in denen der Akteur tätig ist (nur Ihre eigenen sind wählbar; andere "
            "bleiben erhalten)."
        )
        self.fields["handlungsfelder"].queryset = Handlungsfeld.objects.filter(aktiv=True)
        self.fields["zielgruppen"].queryset = Zielgruppe.objects.filter(aktiv=True)

    def alle_quartiere(self) -> list[Quartier]:
        """The chosen quartiers plus those of the actor the user may not change."""
        gewaehlt = list(self.cleaned_data["quartiere"])
        if self.instance.pk:
            eigene = set(self.bearbeitbar.values_list("pk", flat=True))
            gewaehlt += [q for q in self.instance.quartiere.all() if q.pk not in eigene]
        return gewaehlt

    def service_daten(self) -> dict:
        daten = {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields}
        daten["quartiere"] = self.alle_quartiere()
        if self.instance.pk:
            daten["version"] = self.cleaned_data["version"]
        return daten


class BeziehungForm(forms.ModelForm):
    class Meta:
        model = Beziehung
        fields = ["art", "ziel", "von", "bis", "notiz"]
        widgets = {"von": DateWidget(), "bis": DateWidget()}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ziel"].queryset = selectors.akteure_fuer(user).order_by("name")


class PersonNeuForm(forms.Form):
    vorname = forms.CharField(label=_("Vorname"), max_length=100, required=False)
    nachname = forms.CharField(label=_("Nachname"), max_length=100)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    telefon = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    akteur = forms.ModelChoiceField(
        label=_("Akteur"),
        queryset=Akteur.objects.none(),
        help_text=_("Die Person ist für diesen Akteur tätig."),
    )
    rolle = forms.CharField(label=_("Rolle"), max_length=120, help_text=_("z. B. Leitung"))
    von = forms.DateField(label=_("Funktion seit"), widget=DateWidget())
    rechtsgrundlage = forms.ChoiceField(
        label=_("Rechtsgrundlage"),
        choices=Person.Rechtsgrundlage.choices,
        initial=Person.Rechtsgrundlage.EINWILLIGUNG,
        widget=forms.RadioSelect,
    )
    loeschen_am = forms.DateField(
        label=_("löschen am"),
        required=False,
        widget=DateWidget(),
        help_text=_(
            "Datum, an dem die personenbezogenen Daten gelöscht werden; Pflicht ohne Einwilligung."
        ),
    )
    einwilligung_zweck = forms.CharField(
        label=_("Einwilligung: Zweck"), max_length=200, required=False
    )
    einwilligung_am = forms.DateField(
        label=_("Einwilligung: erteilt am"), required=False, widget=DateWidget()
    )
    einwilligung_quelle = forms.CharField(
        label=_("Einwilligung: Quelle"),
        max_length=200,
        required=False,
        help_text=_("z. B. „schriftlich“"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akteur"].queryset = selectors.akteure_in_quartieren(
            bearbeitbare_quartiere_fuer(user)
        ).order_by("name")

    def clean(self):
        daten = super().clean()
        teile = ["einwilligung_zweck", "einwilligung_am", "einwilligung_quelle"]
        if daten.get("rechtsgrundlage") == Person.Rechtsgrundlage.EINWILLIGUNG:
            for feld in teile:
                if not daten.get(feld):
                    self.add_error(feld, _("Für die Einwilligung bitte Zweck, Datum und Quelle."))
        elif daten.get("rechtsgrundlage") and not daten.get("loeschen_am"):
            self.add_error("loeschen_am", PERSON_OHNE_LOESCHDATUM)
        return daten


class PersonForm(VersionFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "vorname",
            "nachname",
            "email",
            "telefon",
            "notiz",
            "rechtsgrundlage",
            "loeschen_am",
        ]
        widgets = {
            "loeschen_am": DateWidget(),
            "notiz": forms.Textarea(attrs={"rows": 3}),
            "rechtsgrundlage": forms.RadioSelect,
        }


class FunktionForm(forms.Form):
    """A further Funktion of a person, at any actor of the quartiers the user edits."""

    akteur = forms.ModelChoiceField(label=_("Akteur"), queryset=Akteur.objects.none())
    rolle = forms.CharField(label=_("Rolle"), max_length=120, help_text=_("z. B. Vorsitz"))
    von = forms.DateField(label=_("seit"), widget=DateWidget(), initial=timezone.localdate)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akteur"].queryset = selectors.akteure_in_quartieren(
            bearbeitbare_quartiere_fuer(user)
        ).order_by("name")


class FunktionBeendenForm(forms.Form):
    bis = forms.DateField(label=_("beendet am"), widget=DateWidget(), initial=timezone.localdate)


class FunktionWechselnForm(forms.Form):
    rolle = forms.CharField(label=_("neue Rolle"), max_length=120)
    ab = forms.DateField(label=_("ab"), widget=DateWidget())


class EinwilligungForm(forms.ModelForm):
    class Meta:
        model = Einwilligung
        fields = ["zweck", "erteilt_am", "quelle"]
        widgets = {"erteilt_am": DateWidget()}


class WiderrufForm(forms.Form):
    am = forms.DateField(label=_("widerrufen am"), widget=DateWidget())


class ImportForm(forms.Form):
    datei = forms.FileField(
        label=_("Datei (CSV oder XLSX)"),
        help_text=_("Höchstens 5 MB; erste Zeile mit den Spaltennamen wie in der Vorlage."),
    )
    quartier = forms.ModelChoiceField(
        label=_("Quartier"),
        queryset=Quartier.objects.none(),
        help_text=_("Alle importierten Akteure werden diesem Quartier zugeordnet."),
    )
    aktualisieren = forms.TypedChoiceField(
        label=_("Vorhandene Akteure"),
        choices=[
            ("", _("nicht ändern: gleichnamige Akteure sind ein Fehler")),
            ("1", _("aktualisieren: gleicher Name im gewählten Quartier = derselbe Akteur")),
        ],
        coerce=bool,
        empty_value=False,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Beim Aktualisieren werden nur die Spalten der Datei übernommen."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = bearbeitbare_quartiere_fuer(user)

    def clean_datei(self):
        datei = self.cleaned_data["datei"]
        if datei.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("Die Datei ist zu groß (höchstens 5 MB)."))
        name = datei.name.lower()
        # Checked by content, not only by name: an .xlsx must really be one, a .csv no binary.
        typ = detect_file_type(datei)
        if not (
            (name.endswith(".xlsx") and typ == "xlsx") or (name.endswith(".csv") and typ is None)
        ):
            raise forms.ValidationError(_("Bitte eine CSV- oder XLSX-Datei hochladen."))
        return datei
