"""Forms of the akteure app; German labels come from the models' verbose names."""

from django import forms
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld, Quartier, Zielgruppe
from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import DateTimeWidget, DateWidget
from quartiersmanagement.map_widgets import PlaceWidget
from quartiersmanagement.uploads import detect_file_type
from quartiersmanagement.versioning import VersionFormMixin

from . import selectors
from .models import (
    Akteur,
    Aufgabe,
    Beschluss,
    Beziehung,
    Einwilligung,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Teilnahme,
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
    loeschen_am = forms.DateField(
        label=_("löschen am"),
        required=False,
        widget=DateWidget(),
        help_text=_("Datum, an dem die personenbezogenen Daten gelöscht werden."),
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
        teile = [daten.get("einwilligung_zweck"), daten.get("einwilligung_am")]
        if any(teile) and not all(teile + [daten.get("einwilligung_quelle")]):
            raise forms.ValidationError(
                _("Für eine Einwilligung bitte Zweck, Datum und Quelle angeben.")
            )
        return daten


class PersonForm(VersionFormMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["vorname", "nachname", "email", "telefon", "notiz", "loeschen_am"]
        widgets = {"loeschen_am": DateWidget(), "notiz": forms.Textarea(attrs={"rows": 3})}


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


class GremiumForm(forms.ModelForm):
    class Meta:
        model = Gremium
        fields = [
            "name",
            "art",
            "quartier",
            "handlungsfelder",
            "beschreibung",
            "oeffentlich",
            "aktiv",
        ]
        widgets = {
            "handlungsfelder": forms.CheckboxSelectMultiple,
            "beschreibung": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quartier"].queryset = bearbeitbare_quartiere_fuer(user)
        self.fields["handlungsfelder"].queryset = Handlungsfeld.objects.filter(aktiv=True)


class MitgliedschaftForm(forms.ModelForm):
    class Meta:
        model = Mitgliedschaft
        fields = ["akteur", "person", "rolle", "von", "bis", "stimmberechtigt"]
        widgets = {"von": DateWidget(), "bis": DateWidget()}
        help_texts = {
            "akteur": _("Entweder einen Akteur …"),
            "person": _("… oder eine Person wählen."),
        }

    def __init__(self, *args, user, gremium, **kwargs):
        kwargs.setdefault("instance", Mitgliedschaft(gremium=gremium))
        super().__init__(*args, **kwargs)
        self.fields["akteur"].queryset = selectors.akteure_in(gremium.quartier).order_by("name")
        self.fields["person"].queryset = selectors.personen_fuer(user)


class SitzungForm(forms.ModelForm):
    class Meta:
        model = Sitzung
        fields = ["titel", "beginn", "ende", "ort", "status", "protokoll"]
        widgets = {
            "beginn": DateTimeWidget(),
            "ende": DateTimeWidget(),
            "protokoll": forms.Textarea(attrs={"rows": 8}),
        }


class TagesordnungspunktForm(forms.ModelForm):
    class Meta:
        model = Tagesordnungspunkt
        fields = ["titel", "beschreibung"]
        widgets = {"beschreibung": forms.Textarea(attrs={"rows": 2})}


class TeilnahmeForm(forms.ModelForm):
    class Meta:
        model = Teilnahme
        fields = ["akteur", "person", "gast", "status"]

    def __init__(self, *args, user, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["akteur"].queryset = selectors.akteure_in(sitzung.gremium.quartier).order_by(
            "name"
        )
        # Only persons already active in this quartier, so the page shows no one else's data.
        self.fields["person"].queryset = selectors.personen_fuer(user) & (
            selectors.personen_im_quartier(sitzung.gremium.quartier)
        )

    def clean(self):
        daten = super().clean()
        if sum(bool(daten.get(k)) for k in ("akteur", "person", "gast")) != 1:
            raise forms.ValidationError(
                _("Bitte genau einen Akteur, eine Person oder einen Gast angeben.")
            )
        return daten

    def validate_unique(self):
        """Recording the same attendee again updates the status (done by the service)."""


class AnwesenheitForm(forms.Form):
    """One status select per current member of the committee."""

    def __init__(self, *args, mitgliedschaften, teilnahmen, **kwargs):
        super().__init__(*args, **kwargs)
        bisher = {(t.akteur_id, t.person_id): t.status for t in teilnahmen}
        self.mitglieder = {}
        for m in mitgliedschaften:
            name = f"m{m.pk}"
            self.mitglieder[name] = m
            self.fields[name] = forms.ChoiceField(
                label=str(m.mitglied),
                required=False,
                choices=[("", _("nicht erfasst")), *Teilnahme.Status.choices],
                initial=bisher.get((m.akteur_id, m.person_id), ""),
            )

    def eintraege(self) -> list[tuple]:
        return [
            (m.akteur, m.person, self.cleaned_data[name]) for name, m in self.mitglieder.items()
        ]


class BeschlussForm(forms.ModelForm):
    class Meta:
        model = Beschluss
        fields = ["tagesordnungspunkt", "text", "ja", "nein", "enthaltung"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tagesordnungspunkt"].queryset = sitzung.tagesordnungspunkte.all()


class AufgabeForm(forms.ModelForm):
    class Meta:
        model = Aufgabe
        fields = [
            "titel",
            "beschreibung",
            "verantwortlich_akteur",
            "verantwortlich_person",
            "faellig_am",
        ]
        widgets = {"faellig_am": DateWidget(), "beschreibung": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, quartier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verantwortlich_akteur"].queryset = selectors.akteure_in(quartier).order_by(
            "name"
        )
        self.fields["verantwortlich_person"].queryset = selectors.personen_fuer(user) & (
            selectors.personen_im_quartier(quartier)
        )


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
