"""Forms of the berichte app: the free texts of a report and the period of a Sachbericht."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from quartiersmanagement.form_widgets import DateWidget
from quartiersmanagement.versioning import VersionFormMixin

from .models import ERSTES_JAHR, LETZTES_JAHR, Berichtstext

#: A Sachbericht covers at most this many days (a sanity bound, far beyond any programme).
LAENGSTER_ZEITRAUM_TAGE = 30 * 366

TEXTFELDER = [
    "einleitung",
    *(feld for feld, _titel in Berichtstext.KOMMENTARE),
    "ausblick",
]


class BerichtstextForm(VersionFormMixin, forms.ModelForm):
    class Meta:
        model = Berichtstext
        fields = TEXTFELDER
        widgets = {feld: forms.Textarea(attrs={"rows": 4}) for feld in TEXTFELDER}


class ZeitraumForm(forms.Form):
    """The period of a Sachbericht from the URL: a year of the Laufzeit, or von and bis.
    Without either, the current year within the Laufzeit (or the whole Laufzeit)."""

    jahr = forms.IntegerField(
        label=_("Jahr"), required=False, min_value=ERSTES_JAHR, max_value=LETZTES_JAHR
    )
    von = forms.DateField(label=_("von"), required=False, widget=DateWidget())
    bis = forms.DateField(label=_("bis"), required=False, widget=DateWidget())

    def __init__(self, *args, programm, heute: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.programm = programm
        self.heute = heute

    @property
    def laufzeit(self) -> tuple[datetime.date, datetime.date]:
        """The Laufzeit; an open end runs to the last plausible year."""
        ende = self.programm.laufzeit_bis or datetime.date(LETZTES_JAHR, 12, 31)
        return self.programm.laufzeit_von, ende

    def clean(self):
        daten = super().clean()
        if self.errors:
            return daten
        anfang, ende = self.laufzeit
        jahr, von, bis = daten.get("jahr"), daten.get("von"), daten.get("bis")
        if von or bis:
            if not von:
                self.add_error("von", _("Bitte auch den Beginn des Zeitraums angeben."))
            if not bis:
                self.add_error("bis", _("Bitte auch das Ende des Zeitraums angeben."))
            if not (von and bis):
                return daten
            if bis < von:
                self.add_error("bis", _("Das Ende des Zeitraums liegt vor seinem Beginn."))
                return daten
            if (bis - von).days > LAENGSTER_ZEITRAUM_TAGE:
                self.add_error("bis", _("Der Zeitraum darf höchstens 30 Jahre umfassen."))
                return daten
            if bis < anfang or von > ende:
                self.add_error("von", _("Der Zeitraum liegt außerhalb der Laufzeit des Programms."))
                return daten
        elif jahr:
            von, bis = (
                max(anfang, datetime.date(jahr, 1, 1)),
                min(ende, datetime.date(jahr, 12, 31)),
            )
            if von > bis:
                self.add_error("jahr", _("Das Programm lief in diesem Jahr nicht."))
                return daten
        else:
            jahr = self.heute.year
            von, bis = (
                max(anfang, datetime.date(jahr, 1, 1)),
                min(ende, datetime.date(jahr, 12, 31)),
            )
            if von > bis:  # not running this year: the whole (past or future) Laufzeit
                von = anfang
                bis = self.programm.laufzeit_bis or max(self.heute, anfang)
        daten["zeitraum"] = (von, bis)
        return daten
