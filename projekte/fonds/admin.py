"""Admin of the fund; money moves only through the services (read-only sums)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .abrechnung import Verwendungsnachweis
from .journal import Auszahlung
from .models import Fondsantrag, Stadtteilfonds


@admin.register(Stadtteilfonds)
class StadtteilfondsAdmin(SimpleHistoryAdmin):
    list_display = ["quartier", "jahr", "budget", "bewilligt_summe", "schwelle_qm"]
    list_filter = ["jahr", "quartier"]
    readonly_fields = ["bewilligt_summe"]


class AuszahlungInline(admin.TabularInline):
    model = Auszahlung
    extra = 0
    readonly_fields = ["betrag", "datum", "vermerk", "gebucht_von"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Fondsantrag)
class FondsantragAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "fonds", "status", "betrag_beantragt", "betrag_bewilligt"]
    list_filter = ["status", "fonds__quartier", "fonds__jahr"]
    search_fields = ["titel", "antragsteller_name"]
    readonly_fields = [
        "status",
        "betrag_bewilligt",
        "ausgezahlt_summe",
        "entschieden_von",
        "entschieden_am",
    ]
    inlines = [AuszahlungInline]


@admin.register(Verwendungsnachweis)
class VerwendungsnachweisAdmin(SimpleHistoryAdmin):
    list_display = ["antrag", "tatsaechliche_kosten", "eingereicht_am", "geprueft_am"]
