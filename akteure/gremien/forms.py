"""Forms of the committees; the vote is one compact table (member × Ja/Nein/Enthaltung/
befangen), the attendance another (member × anwesend/entschuldigt/unentschuldigt, ab TOP)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from quartiere.models import Handlungsfeld
from quartiere.selectors import bearbeitbare_quartiere_fuer
from quartiersmanagement.form_widgets import DateTimeWidget, DateWidget

from .. import selectors as akteure_selectors
from .models import (
    Aufgabe,
    Berichtigung,
    Gremium,
    Mitgliedschaft,
    Sitzung,
    Stimme,
    Tagesordnungspunkt,
    Teilnahme,
)
from .selectors import anwesenheit_bei, mitgliedschaften_am, team_im_quartier


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
            "beschlussfaehigkeit",
            "mehrheit",
            "gaeste_rederecht",
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
        self.fields["akteur"].queryset = akteure_selectors.akteure_in(gremium.quartier).order_by(
            "name"
        )
        self.fields["person"].queryset = akteure_selectors.personen_fuer(user)


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
        fields = ["akteur", "person", "gast", "status", "ab_top"]

    def __init__(self, *args, user, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        quartier = sitzung.gremium.quartier
        self.fields["akteur"].queryset = akteure_selectors.akteure_in(quartier).order_by("name")
        # Only persons already active in this quartier, so the page shows no one else's data.
        self.fields["person"].queryset = akteure_selectors.personen_fuer(user) & (
            akteure_selectors.personen_im_quartier(quartier)
        )
        self.fields["ab_top"].queryset = sitzung.tagesordnungspunkte.all()

    def clean(self):
        daten = super().clean()
        if sum(bool(daten.get(k)) for k in ("akteur", "person", "gast")) != 1:
            raise forms.ValidationError(
                _("Bitte genau einen Akteur, eine Person oder einen Gast angeben.")
            )
        return daten

    def validate_unique(self):
        """Recording the same attendee again updates the status (done by the service)."""

    def _post_clean(self):
        """The service validates (also the constraint on `ab_top`), at the fields."""


class AnwesenheitForm(forms.Form):
    """One row per member on the meeting's day: status radios and "anwesend ab TOP"."""

    anwohnende = forms.IntegerField(
        label=_("anwesende Anwohnende (Anzahl)"),
        min_value=0,
        max_value=9999,
        help_text=_("Nur die Anzahl, ohne Namen."),
    )

    def __init__(self, *args, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anwohnende"].initial = sitzung.anwohnende
        tops = list(sitzung.tagesordnungspunkte.all())
        bisher = {(t.akteur_id, t.person_id): t for t in sitzung.teilnahmen.all()}
        self.zeilen = []
        for m in mitgliedschaften_am(sitzung):
            t = bisher.get((m.akteur_id, m.person_id))
            status = forms.ChoiceField(
                label=str(m.mitglied),
                required=False,
                choices=[("", _("nicht erfasst")), *Teilnahme.Status.choices],
                initial=t.status if t else "",
                widget=forms.RadioSelect,
            )
            ab = forms.ModelChoiceField(
                label=_("ab TOP"),
                required=False,
                queryset=sitzung.tagesordnungspunkte.all(),
                initial=t.ab_top_id if t else None,
                empty_label=_("von Beginn"),
            )
            ab.choices = [("", _("von Beginn")), *((top.pk, f"TOP {top.nummer}") for top in tops)]
            self.fields[f"s{m.pk}"] = status
            self.fields[f"t{m.pk}"] = ab
            self.zeilen.append((m, f"s{m.pk}", f"t{m.pk}"))

    def zeilen_gebunden(self):
        """(membership, status field, ab-TOP field) for the table template."""
        return [(m, self[s], self[t]) for m, s, t in self.zeilen]

    def clean(self):
        daten = super().clean()
        for m, s, t in self.zeilen:
            if daten.get(t) and daten.get(s) != Teilnahme.Status.ANWESEND:
                self.add_error(
                    t, _("„Anwesend ab TOP“ gilt nur für Anwesende (%(m)s).") % {"m": m.mitglied}
                )
        return daten

    def eintraege(self) -> list[tuple]:
        return [
            (m.akteur, m.person, self.cleaned_data[s], self.cleaned_data[t])
            for m, s, t in self.zeilen
        ]


class AbstimmungForm(forms.Form):
    """A decision and its vote in one table. Members present may vote; absent and advisory
    members are shown without a choice. Typed totals instead of single votes are possible
    (then only "befangen" is read from the table). `befangen` pre-marks members."""

    ERFASSUNG = [
        ("einzeln", _("Einzelstimmen in der Tabelle")),
        ("summen", _("nur Summen (ohne Einzelstimmen)")),
    ]

    tagesordnungspunkt = forms.ModelChoiceField(
        label=_("Tagesordnungspunkt"), queryset=Tagesordnungspunkt.objects.none(), required=False
    )
    text = forms.CharField(label=_("Beschlusstext"), widget=forms.Textarea(attrs={"rows": 3}))
    erfassung = forms.ChoiceField(
        label=_("Abstimmung erfasst als"),
        choices=ERFASSUNG,
        initial="einzeln",
        widget=forms.RadioSelect,
    )
    ja = forms.IntegerField(label=_("Ja-Stimmen"), min_value=0, required=False)
    nein = forms.IntegerField(label=_("Nein-Stimmen"), min_value=0, required=False)
    enthaltung = forms.IntegerField(label=_("Enthaltungen"), min_value=0, required=False)

    def __init__(self, *args, sitzung, beschluss=None, befangen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tagesordnungspunkt"].queryset = sitzung.tagesordnungspunkte.all()
        bisher = {}
        if beschluss is not None:
            bisher = {s.mitgliedschaft_id: s.wert for s in beschluss.stimmen.all()}
            hat_einzelne = any(w != Stimme.Wert.BEFANGEN for w in bisher.values())
            self.initial.update(
                tagesordnungspunkt=beschluss.tagesordnungspunkt_id,
                text=beschluss.text,
                erfassung="einzeln"
                if hat_einzelne or not beschluss.ja + beschluss.nein + beschluss.enthaltung
                else "summen",
                ja=beschluss.ja,
                nein=beschluss.nein,
                enthaltung=beschluss.enthaltung,
            )
        vorbelegt = {getattr(m, "pk", m) for m in befangen}
        self.zeilen = []
        for zeile in anwesenheit_bei(sitzung):
            m = zeile.mitgliedschaft
            name = None
            if zeile.anwesend and m.stimmberechtigt:
                name = f"m{m.pk}"
                self.fields[name] = forms.ChoiceField(
                    label=str(m.mitglied),
                    required=False,
                    choices=[("", _("keine Stimme")), *Stimme.Wert.choices],
                    initial=Stimme.Wert.BEFANGEN if m.pk in vorbelegt else bisher.get(m.pk, ""),
                )
            self.zeilen.append((zeile, name))

    def tabelle(self):
        """Rows for the template: (membership, status text, bound field or None, value)."""
        zeilen = []
        for zeile, name in self.zeilen:
            feld = self[name] if name else None
            wert = (feld.value() or "") if feld is not None else ""
            zeilen.append((zeile.mitgliedschaft, zeile, feld, wert))
        return zeilen

    def werte(self):
        return [("", _("keine Stimme")), *Stimme.Wert.choices]

    def clean(self):
        daten = super().clean()
        einzeln = {
            zeile.mitgliedschaft: daten.get(name)
            for zeile, name in self.zeilen
            if name and daten.get(name)
        }
        if daten.get("erfassung") == "summen":
            if any(w != Stimme.Wert.BEFANGEN for w in einzeln.values()):
                self.add_error(
                    "erfassung",
                    _("Bei Summen bitte in der Tabelle nur „befangen“ markieren."),
                )
        elif any(daten.get(k) for k in ("ja", "nein", "enthaltung")):
            self.add_error(
                "erfassung", _("Für Summen bitte „nur Summen“ wählen; sonst die Tabelle nutzen.")
            )
        self.einzeln = einzeln
        return daten

    def service_daten(self) -> dict:
        return {"text": self.cleaned_data["text"], **self.abstimmung_daten()}

    def abstimmung_daten(self) -> dict:
        """The vote as `beschluss_fassen` takes it (without the text): agenda item and single
        votes or totals, with the biased members."""
        daten = self.cleaned_data
        basis = {"tagesordnungspunkt": daten["tagesordnungspunkt"]}
        befangen = [m for m, w in self.einzeln.items() if w == Stimme.Wert.BEFANGEN]
        if daten["erfassung"] == "summen":
            return {
                **basis,
                "ja": daten.get("ja") or 0,
                "nein": daten.get("nein") or 0,
                "enthaltung": daten.get("enthaltung") or 0,
                "befangen": befangen,
            }
        return {**basis, "stimmen": self.einzeln, "befangen": befangen}


class AufgabeForm(forms.ModelForm):
    class Meta:
        model = Aufgabe
        fields = [
            "titel",
            "beschreibung",
            "verantwortlich_akteur",
            "verantwortlich_person",
            "verantwortlich_benutzer",
            "faellig_am",
        ]
        widgets = {"faellig_am": DateWidget(), "beschreibung": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user, quartier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verantwortlich_akteur"].queryset = akteure_selectors.akteure_in(
            quartier
        ).order_by("name")
        self.fields["verantwortlich_person"].queryset = akteure_selectors.personen_fuer(user) & (
            akteure_selectors.personen_im_quartier(quartier)
        )
        self.fields["verantwortlich_benutzer"].queryset = team_im_quartier(quartier)


class BerichtigungForm(forms.ModelForm):
    class Meta:
        model = Berichtigung
        fields = ["datum", "beschluss", "grund", "text"]
        widgets = {"datum": DateWidget(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, sitzung, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["beschluss"].queryset = sitzung.beschluesse.all()
        self.fields["datum"].initial = timezone.localdate()

    def _post_clean(self):
        """The service validates and saves."""


class EinladungForm(forms.Form):
    text = forms.CharField(
        label=_("Freitext"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Erscheint unter der Tagesordnung, z. B. Hinweise zur Anfahrt."),
    )
    stand = forms.CharField(widget=forms.HiddenInput, required=False)
